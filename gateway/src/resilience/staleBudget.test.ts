import path from 'node:path';
import { githubFaults } from '../../../subgraphs/scm/simulator/githubFaults';
import { startScmStack, type ScmStack } from '../../../subgraphs/scm/test/startScmStack';

jest.setTimeout(60_000);

const FIXTURE = path.resolve(__dirname, '../../../subgraphs/scm/test/fixtures/catalog-info.yaml');
type Result = { entity: { ref: string; repository: { nameWithOwner: string; stale: boolean } | null } };
const CHECKOUT = `{ entity(ref: "component:default/checkout") { ref ... on Component { repository { nameWithOwner stale } } } }`;
const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

describe('a hanging tool (time budgets through the gateway)', () => {
  let stack: ScmStack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('with a cached value: serves it marked stale after GITHUB_STALE_AFTER_MS, while the hang is still in effect', async () => {
    // Every value is stale at once (TTL 0): each query refreshes; the call timeout is far away.
    stack = await startScmStack({ catalogPaths: [FIXTURE], cache: { ttlSeconds: 0 }, policy: { timeoutMs: 120_000, staleAfterMs: 200 } });
    const fresh = await stack.query<Result>(CHECKOUT);
    expect(fresh.data?.entity.repository).toEqual({ nameWithOwner: 'fernhollow/checkout', stale: false });

    stack.simulator.inject(githubFaults.hang());
    const callsBefore = stack.githubCalls();
    const during = await stack.query<Result>(CHECKOUT);
    // Answered while the hang is injected: the refresh (if it reached the simulator yet) is still held there.
    expect(stack.githubCalls()).toBeLessThanOrEqual(callsBefore + 1);
    expect(during.errors).toBeUndefined();
    expect(during.data?.entity.repository).toEqual({ nameWithOwner: 'fernhollow/checkout', stale: true });

    // The next query waits on the same refresh instead of sending the hanging tool another call.
    const again = await stack.query<Result>(CHECKOUT);
    expect(again.data?.entity.repository?.stale).toBe(true);
    expect(stack.githubCalls()).toBeLessThanOrEqual(callsBefore + 1);
    expect(stack.scmLogs.join('\n')).toContain('github failed; served stale data');
  });

  it('without a cached value: the field fails with UPSTREAM_TIMEOUT after one timeout (a timeout is not retried)', async () => {
    stack = await startScmStack({ catalogPaths: [FIXTURE], policy: { timeoutMs: 300, retries: 2, staleAfterMs: 100 } });
    stack.simulator.inject(githubFaults.hang());
    const result = await stack.query<Result>(CHECKOUT);
    expect(result.data?.entity).toEqual({ ref: 'component:default/checkout', repository: null });
    expect(codes(result)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(stack.githubCalls()).toBe(1);
  });
});
