import { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';
import { startSimulator } from '@devgraph/scm';
import { startStack, type Stack } from '../../../test/support/startStack';
import { spawnSubgraphProcess, type SubgraphProcess } from './test/spawnSubgraphProcess';

jest.setTimeout(60_000);

const DASHBOARD = `{ entity(ref: "component:default/checkout") { ref ... on Component { repository { nameWithOwner } } } }`;

interface Readiness {
  status: string;
  subgraphs: Record<string, string>;
}
const readiness = async (stack: Stack) => {
  const response = await fetch(new URL('/readyz', stack.gateway.url));
  return { status: response.status, body: (await response.json()) as Readiness };
};
/** Polls /readyz until `ok` holds: a condition, not a duration (the probe runs every 100 ms). */
async function readinessUntil(stack: Stack, ok: (r: Awaited<ReturnType<typeof readiness>>) => boolean) {
  for (;;) {
    const r = await readiness(stack);
    if (ok(r)) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a frozen subgraph process (SIGSTOP)', () => {
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  let scm: SubgraphProcess;
  let stack: Stack;

  beforeAll(async () => {
    simulator = await startSimulator({ token: DEFAULT_SIMULATOR_TOKEN });
    scm = await spawnSubgraphProcess('subgraphs/scm/src/main.ts', { GITHUB_API_URL: `http://127.0.0.1:${simulator.port}`, GITHUB_TOKEN: DEFAULT_SIMULATOR_TOKEN });
    stack = await startStack({ extraSubgraphs: [{ name: 'scm', url: scm.url }], gateway: { subgraphTimeoutMs: 1500, subgraphHealthIntervalMs: 100 } });
  });
  afterAll(async () => {
    await stack?.close();
    await scm?.stop();
    await simulator?.close();
  });

  it('costs its fields SUBGRAPH_TIMEOUT within the budget, the rest of the query returns, and /readyz names it', async () => {
    const before = await stack.query<{ entity: { ref: string; repository: { nameWithOwner: string } | null } }>(DASHBOARD);
    expect(before.errors).toBeUndefined();
    expect(before.data?.entity.repository?.nameWithOwner).toBeTruthy();

    scm.child.kill('SIGSTOP');
    try {
      const during = await stack.query<{ entity: { ref: string; repository: unknown } }>(DASHBOARD);
      // Answered while the process is still stopped: the hang has not ended.
      expect(scm.state()).toBe('T');
      expect(during.status).toBe(200);
      expect(during.data?.entity).toEqual({ ref: 'component:default/checkout', repository: null });
      expect(during.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'scm', timeoutMs: 1500 }) })]);
      expect(during.errors?.[0]?.message).toMatch(/scm subgraph did not answer within 1500 ms/);

      // The catalog still answers, so the gateway stays ready; the body names the frozen subgraph.
      const frozen = await readinessUntil(stack, (r) => r.body.subgraphs.scm === 'not-answering');
      expect(scm.state()).toBe('T');
      expect(frozen.status).toBe(200);
      expect(frozen.body.subgraphs.catalog).toBe('up');
    } finally {
      scm.child.kill('SIGCONT');
    }

    await readinessUntil(stack, (r) => r.body.subgraphs.scm === 'up');
    const after = await stack.query<{ entity: { repository: { nameWithOwner: string } | null } }>(DASHBOARD);
    expect(after.errors).toBeUndefined();
    expect(after.data?.entity.repository?.nameWithOwner).toBeTruthy();
  });
});
