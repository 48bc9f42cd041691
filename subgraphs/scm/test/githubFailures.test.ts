import path from 'node:path';
import { githubFaults } from '../simulator/githubFaults';
import { startScmStack, TEST_TOKEN, type ScmStack } from './startScmStack';

const FIXTURE = path.join(__dirname, 'fixtures/catalog-info.yaml');
type Node = { ref: string; title: string | null; repository: { nameWithOwner: string; stale?: boolean } | null };
type Result = { entities: { nodes: Node[] } };
const COMPONENTS = `{ entities(filter: { kind: ["Component"] }) { nodes { ref title ... on Component { repository { nameWithOwner stale } } } } }`;
const ONE = (name: string) => `{ repository(owner: "fernhollow", name: "${name}") { nameWithOwner } }`;

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);
const metricsOf = async (stack: ScmStack) => (await fetch(stack.scm.url.replace('/graphql', '/metrics'))).text();
const byRef = (result: { data?: Result | null }) => Object.fromEntries((result.data?.entities.nodes ?? []).map((n) => [n.ref.replace('component:default/', ''), n.repository]));

describe('scm failures surface as field errors with the shared codes', () => {
  const stacks: ScmStack[] = [];
  const start = async (options: Parameters<typeof startScmStack>[0] = {}) => {
    const stack = await startScmStack({ catalogPaths: [FIXTURE], allowAnyRepository: true, ...options });
    stacks.push(stack);
    return stack;
  };
  afterAll(async () => {
    // The token must not be in any log line, error or request record of any stack in this file.
    for (const stack of stacks) {
      expect(stack.scmLogs.join('\n')).not.toContain(TEST_TOKEN);
      expect(JSON.stringify(stack.simulator.requests)).not.toContain(TEST_TOKEN);
      await stack.close();
    }
  });

  it('reports NOT_FOUND on the unknown repository only; the rest of the batch resolves', async () => {
    const stack = await start();
    const result = await stack.query<Result>(COMPONENTS);
    expect(stack.githubCalls()).toBe(1);
    expect(byRef(result)).toMatchObject({ checkout: { nameWithOwner: 'fernhollow/checkout' }, cart: { nameWithOwner: 'fernhollow/cart' }, ghost: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['entities', 'nodes', 2, 'repository'], extensions: { code: 'NOT_FOUND', upstream: 'github' } });
    expect(result.errors![0]!.message).toContain('fernhollow/does-not-exist');
  });

  it.each(['RATE_LIMITED', 'RATE_LIMIT'] as const)('GitHub %s: cached repositories are served, the others get UPSTREAM_RATE_LIMITED', async (type) => {
    const stack = await start();
    await stack.query(ONE('checkout'));
    stack.simulator.inject(githubFaults.rateLimited(type));
    const result = await stack.query<Result>(COMPONENTS);
    expect(byRef(result).checkout).toMatchObject({ nameWithOwner: 'fernhollow/checkout' });
    expect(byRef(result).cart).toBeNull();
    expect(codes(result)).toEqual(['UPSTREAM_RATE_LIMITED', 'UPSTREAM_RATE_LIMITED']);
    expect(result.data?.entities.nodes.every((n) => n.title !== undefined)).toBe(true); // catalog data still there
    // GitHub said the budget is spent until its reset: devgraph stops calling until then.
    const calls = stack.githubCalls();
    expect(codes(await stack.query(ONE('cart')))).toEqual(['UPSTREAM_RATE_LIMITED']);
    expect(stack.githubCalls()).toBe(calls);
  });

  it('stops calling GitHub once the remaining budget is below the threshold, and exports it as a metric', async () => {
    const stack = await start({ simulator: { rateLimit: { remaining: 5 } }, github: { minRemaining: 10 } });
    expect(codes(await stack.query(ONE('checkout')))).toEqual([]);
    const result = await stack.query(`{ a: repository(owner: "fernhollow", name: "checkout") { nameWithOwner } b: repository(owner: "fernhollow", name: "cart") { nameWithOwner } }`);
    expect(result.data).toEqual({ a: { nameWithOwner: 'fernhollow/checkout' }, b: null });
    expect(codes(result)).toEqual(['UPSTREAM_RATE_LIMITED']);
    expect(stack.githubCalls()).toBe(1);
    const metrics = await metricsOf(stack);
    expect(metrics).toMatch(/devgraph_upstream_rate_limit_remaining\{[^}]*upstream="github"[^}]*\} 4/);
    // The one label set every upstream uses: the call made, and the one the budget saved.
    expect(metrics).toMatch(/devgraph_upstream_calls_total\{upstream="github",outcome="ok"[^}]*\} 1\n/);
    expect(metrics).toMatch(/devgraph_upstream_calls_total\{upstream="github",outcome="skipped"[^}]*\} 1\n/);
    expect(stack.scmLogs.join('\n')).toContain('below threshold');
  });

  it.each([
    { name: '403 secondary rate limit', fault: githubFaults.secondaryRateLimit(60), code: 'UPSTREAM_RATE_LIMITED' },
    { name: '429', fault: githubFaults.tooManyRequests(60), code: 'UPSTREAM_RATE_LIMITED' },
    { name: '500', fault: githubFaults.serverError(500), code: 'UPSTREAM_UNAVAILABLE' },
  ])('GitHub $name becomes $code on the repository fields, with catalog data intact', async ({ fault, code }) => {
    const stack = await start();
    stack.simulator.inject(fault);
    const result = await stack.query<Result>(COMPONENTS);
    expect(result.data?.entities.nodes.map((n) => n.repository)).toEqual([null, null, null]);
    expect(result.data?.entities.nodes.map((n) => n.ref)).toHaveLength(3);
    expect(new Set(codes(result))).toEqual(new Set([code]));
  });

  it('a hanging GitHub becomes UPSTREAM_TIMEOUT after the configured timeout, not a stall', async () => {
    const stack = await start({ policy: { timeoutMs: 300, retries: 0 } });
    stack.simulator.inject(githubFaults.hang());
    const result = await stack.query<Result>(COMPONENTS);
    expect(new Set(codes(result))).toEqual(new Set(['UPSTREAM_TIMEOUT']));
    expect(result.data?.entities.nodes).toHaveLength(3);
  });

  it('without a token the fields are UNAUTHENTICATED naming GITHUB_TOKEN, and GitHub is not called', async () => {
    const stack = await start({ github: { token: undefined } });
    const result = await stack.query(ONE('checkout'));
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors?.[0]?.message).toContain('GITHUB_TOKEN');
    expect(stack.githubCalls()).toBe(0);
  });

  it('a wrong token is UNAUTHENTICATED, and the token is in no error', async () => {
    const stack = await start({ github: { token: `${TEST_TOKEN}-wrong` } });
    const result = await stack.query(ONE('checkout'));
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(result)).not.toContain(TEST_TOKEN);
    expect(stack.scmLogs.join('\n')).not.toContain(`${TEST_TOKEN}-wrong`);
  });

  it('serves stale cached data when GitHub fails (stale-if-error) and says it is stale', async () => {
    const stack = await start({ cache: { ttlSeconds: 0 } });
    expect((await stack.query<Result>(COMPONENTS)).data?.entities.nodes[0]?.repository?.stale).toBe(false);
    stack.simulator.inject(githubFaults.serverError(502));
    const result = await stack.query<Result>(COMPONENTS);
    expect(byRef(result).checkout).toEqual({ nameWithOwner: 'fernhollow/checkout', stale: true });
    expect(codes(result)).toEqual(['NOT_FOUND']); // the cached "not found" of the ghost repository, also stale
    expect(stack.scmLogs.join('\n')).toContain('github failed; served stale data');
    // Counted per key served stale: checkout's and cart's info, and the ghost's cached NOT_FOUND.
    expect(await metricsOf(stack)).toMatch(/devgraph_upstream_stale_served_total\{upstream="github"[^}]*\} 3\n/);
  });
});
