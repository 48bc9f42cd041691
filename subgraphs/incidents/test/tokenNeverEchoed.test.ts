import { startIncidentsStack, TEST_TOKEN, type IncidentsStack } from './startIncidentsStack';

/** Half a token is a leak too: a message cut short must not keep a prefix of it. */
const PREFIX = TEST_TOKEN.slice(0, 10);
/** A component per case, so no value an earlier case cached stands in for the failure (stale-if-error). */
const dashboard = (component: string) => `{
  entity(ref: "component:default/${component}") {
    ref ... on Component { pagerdutyService { name } incidents { totalCount } onCall { escalationLevel } }
  }
}`;
const pdError = (message: string, errors: string[] = []) => ({ error: { message, code: 2006, errors } });

/**
 * PagerDuty (or a proxy in front of it) may echo the credential in an error body. Whatever
 * PagerDuty says reaches the client through the gateway, so every such text passes the upstream's
 * redaction before it becomes a message, and no log line has it either.
 */
describe('a token PagerDuty echoes in an error never reaches a response or a log line', () => {
  let stack: IncidentsStack;
  beforeAll(async () => {
    stack = await startIncidentsStack({ policy: { retries: 0 } });
  });
  afterEach(() => stack.sim!.clearFaults());
  afterAll(() => stack.close());

  it.each([
    ['a 401 body on the service', 'checkout', '/services', 'UNAUTHENTICATED', { status: 401, body: pdError(`Invalid token: Token token=${TEST_TOKEN}`) }],
    ['a 403 body in the errors list', 'search', '/services', 'FORBIDDEN', { status: 403, body: pdError('Access Denied', [`token ${TEST_TOKEN} lacks read access`]) }],
    ['a 500 body, the token past 190 characters', 'orders', '/incidents', 'UPSTREAM_UNAVAILABLE', { status: 500, body: pdError(`${'x'.repeat(190)}${TEST_TOKEN}`) }],
    ['a 429 body', 'listings', '/oncalls', 'UPSTREAM_RATE_LIMITED', { status: 429, headers: { 'retry-after': '0' }, body: pdError(`rate limit for ${TEST_TOKEN}`) }],
    ['a 400 body', 'payouts', '/incidents', 'UPSTREAM_ERROR', { status: 400, body: pdError('Invalid Input Provided', [`${'y'.repeat(150)} ${TEST_TOKEN}`]) }],
  ])('%s', async (_case, component, pathIncludes, code, fault) => {
    stack.sim!.inject({ pathIncludes, ...fault });
    const result = await stack.query(dashboard(component));
    expect(result.errors?.map((e) => e.extensions?.code)).toContain(code);
    expect(result.data).toMatchObject({ entity: { ref: `component:default/${component}` } });
    expect(JSON.stringify(result)).not.toContain(PREFIX);
    expect(stack.logLines.join('\n')).not.toContain(PREFIX);
  });
});
