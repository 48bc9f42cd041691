import { TEST_API_KEY, startExperimentsStack, type ExperimentsStack } from './startExperimentsStack';

/** Half a key is a leak too: a message cut short must not keep a prefix of it. */
const PREFIX = TEST_API_KEY.slice(0, 10);
/** A component and experiment id per case, so no value an earlier case cached stands in for the failure. */
const query = (component: string) => `{
  experiment(id: "exp_echo_${component}") { id }
  entity(ref: "component:default/${component}") { ref ... on Component { experiments { id } featureFlags { key } } }
}`;

/**
 * GrowthBook (or a proxy in front of it) may echo the secret key in an error body. Whatever
 * GrowthBook says reaches the client through the gateway, so every such text passes the
 * upstream's redaction before it becomes a message, and no log line has it either.
 */
describe('a key GrowthBook echoes in an error never reaches a response or a log line', () => {
  let stack: ExperimentsStack;
  beforeAll(async () => {
    stack = await startExperimentsStack();
  });
  afterEach(() => stack.simulator!.clearFaults());
  afterAll(() => stack.close());

  it.each([
    ['a 401 body', 'cart', '/api/v1/experiments', 'UNAUTHENTICATED', { status: 401, body: { message: `Invalid API key: Bearer ${TEST_API_KEY}` } }],
    ['a 403 body', 'checkout', '/features', 'FORBIDDEN', { status: 403, body: { message: `key ${TEST_API_KEY} may not read features` } }],
    ['a 500 body, the key past 190 characters', 'search', '/api/v1/experiments', 'UPSTREAM_UNAVAILABLE', { status: 500, body: { message: `${'x'.repeat(190)}${TEST_API_KEY}` } }],
    ['a 429 body', 'recommendations', '/features', 'UPSTREAM_RATE_LIMITED', { status: 429, headers: { 'retry-after': '0' }, body: { message: `slow down, ${TEST_API_KEY}` } }],
    ['a 400 body (GrowthBook\'s "no such experiment" shape)', 'storefront-web', '/experiments/exp_echo', 'NOT_FOUND', { status: 400, body: { message: `${'y'.repeat(150)} ${TEST_API_KEY}` } }],
  ])('%s', async (_case, component, pathIncludes, code, fault) => {
    stack.simulator!.inject({ pathIncludes, ...fault });
    const result = await stack.query(query(component));
    expect(result.errors?.map((e) => e.extensions?.code)).toContain(code);
    expect(result.data).toMatchObject({ entity: { ref: `component:default/${component}` } });
    expect(JSON.stringify(result)).not.toContain(PREFIX);
    expect(stack.logLines.join('\n')).not.toContain(PREFIX);
  });
});
