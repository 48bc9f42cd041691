import path from 'node:path';
import { startScmStack, TEST_TOKEN, type ScmStack } from './startScmStack';

const FIXTURE = path.join(__dirname, 'fixtures/catalog-info.yaml');
const ONE = `{ repository(owner: "fernhollow", name: "checkout") { nameWithOwner } }`;
/** Half a token is a leak too: a message cut at 200 characters must not keep a prefix of it. */
const PREFIX = TEST_TOKEN.slice(0, 10);

/**
 * GitHub (or a proxy in front of it) may echo the credential in an error body. Whatever GitHub
 * says reaches the client through the gateway, so every such text passes the upstream's
 * redaction before it becomes a message, and no log line has it either.
 */
describe('a token GitHub echoes in an error never reaches a response or a log line', () => {
  let stack: ScmStack;
  beforeAll(async () => {
    stack = await startScmStack({ catalogPaths: [FIXTURE], allowAnyRepository: true, policy: { retries: 0 } });
  });
  afterEach(() => stack.simulator.clearFaults());
  afterAll(async () => stack.close());

  it.each([
    ['a 401 body', { status: 401, body: { message: `Bad credentials: ${TEST_TOKEN}` } }],
    ['a 502 body, the token across the 200-character cut', { status: 502, body: { message: `${'x'.repeat(190)}${TEST_TOKEN}` } }],
    ['a 403 body', { status: 403, body: { message: `token ${TEST_TOKEN} lacks scope` } }],
    ['a per-repository FORBIDDEN error', { status: 200, body: { data: { r0: null }, errors: [{ type: 'FORBIDDEN', path: ['r0'], message: `SAML enforcement for ${TEST_TOKEN}` }] } }],
    ['a query-level error', { status: 200, body: { data: null, errors: [{ message: `${'y'.repeat(190)}${TEST_TOKEN}` }] } }],
  ])('%s', async (_case, fault) => {
    stack.simulator.inject({ pathIncludes: '/graphql', ...fault });
    const result = await stack.query(ONE);
    expect(result.errors?.length).toBeGreaterThan(0);
    const text = JSON.stringify(result);
    expect(text).not.toContain(PREFIX);
    expect(stack.scmLogs.join('\n')).not.toContain(PREFIX);
  });
});
