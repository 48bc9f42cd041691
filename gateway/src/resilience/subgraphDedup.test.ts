import crypto from 'node:crypto';
import { startGateway, type RunningGateway } from '../startGateway';
import { readGatewayConfig, type GatewayConfig } from '../config';
import { gatewayConfig, postGraphQL, type GraphQLResponse } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import { startScmStack, type ScmStack } from '../../../subgraphs/scm/test/startScmStack';
import type { ApiKeyEntry } from '../auth/loadApiKeys';
import { TOOL_SCOPES } from '../auth/Identity';
import { createFaultProxy, type FaultProxy } from './test/createFaultProxy';

jest.setTimeout(60_000);

const DASHBOARD = `query Dashboard($ref: ID!) { entity(ref: $ref) { ref title ... on Component { repository { nameWithOwner } } } }`;
const CHECKOUT = { ref: 'component:default/checkout' };
type Dashboard = { entity: { ref: string; title: string; repository: { nameWithOwner: string } | null } | null };

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const KEYS = { catalogAndScm: 'dg_catalog_scm_0123456789abcde', everything: 'dg_everything_0123456789abcdef', alice: 'dg_alice_0123456789abcdef0123' };
const API_KEYS: ApiKeyEntry[] = [
  { name: 'catalog-and-scm', sha256: sha256(KEYS.catalogAndScm), scopes: ['catalog', 'scm'], allowUntrustedDocuments: false },
  { name: 'everything', sha256: sha256(KEYS.everything), scopes: [...TOOL_SCOPES], allowUntrustedDocuments: false },
  { name: 'alice', sha256: sha256(KEYS.alice), scopes: [...TOOL_SCOPES], user: 'user:default/alice', allowUntrustedDocuments: false },
];

async function post(url: string, key: string | undefined): Promise<GraphQLResponse<Dashboard>> {
  if (!key) return postGraphQL<Dashboard>(url, DASHBOARD, CHECKOUT);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: DASHBOARD, variables: CHECKOUT }) });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<Dashboard>, 'status'>) };
}

/** `devgraph_subgraph_fetches_total` for the scm subgraph, as an operator reads it on /metrics. */
async function scmFetches(gateway: RunningGateway, outcome: 'sent' | 'shared'): Promise<number> {
  const text = await (await fetch(new URL('/metrics', gateway.url))).text();
  const line = text.split('\n').find((l) => l.startsWith('devgraph_subgraph_fetches_total{') && l.includes('subgraph="scm"') && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Polls the metric until `count` fetches wait on one in flight: a condition, not a duration. */
async function untilShared(gateway: RunningGateway, count: number): Promise<void> {
  while ((await scmFetches(gateway, 'shared')) < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('in-flight deduplication of subgraph fetches (SUBGRAPH_DEDUP)', () => {
  let stack: ScmStack;
  let proxy: FaultProxy;
  let gateway: RunningGateway | undefined;

  beforeAll(async () => {
    stack = await startScmStack();
  });
  beforeEach(async () => {
    // Between the gateway and the scm subgraph: it holds scm's answers until the test releases them.
    proxy = await createFaultProxy(stack.scm.url);
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await proxy.close();
  });
  afterAll(() => stack?.close());

  const start = async (overrides: Partial<GatewayConfig> = {}) => {
    const config = gatewayConfig(
      [
        { name: 'catalog', url: stack.catalog.url },
        { name: 'scm', url: proxy.url },
      ],
      { subgraphHealthIntervalMs: 0, ...overrides },
    );
    gateway = await startGateway(config, memoryLogger('gateway').logger);
    await gateway.ready;
    // Composition's introspection went through the proxy; only the queries below count.
    proxy.received = 0;
    return gateway;
  };

  it('is on by default and SUBGRAPH_DEDUP=off turns it off', () => {
    expect(readGatewayConfig({}).subgraphDedup).toBe(true);
    expect(readGatewayConfig({ SUBGRAPH_DEDUP: 'off' }).subgraphDedup).toBe(false);
    expect(() => readGatewayConfig({ SUBGRAPH_DEDUP: 'maybe' })).toThrow(/SUBGRAPH_DEDUP="maybe" is invalid/);
  });

  it('sends 20 identical dashboards arriving together to the scm subgraph once, and each gets the whole answer', async () => {
    const gateway = await start();
    proxy.mode = 'hang';
    const answers = Promise.all(Array.from({ length: 20 }, () => post(gateway.url, undefined)));
    // Every dashboard is waiting on the one held fetch before it is answered: concurrency is certain.
    await proxy.whenHeld(1);
    await untilShared(gateway, 19);
    proxy.release();
    const results = await answers;

    expect(proxy.received).toBe(1);
    expect(await scmFetches(gateway, 'sent')).toBe(1);
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ entity: { ref: 'component:default/checkout', title: expect.any(String), repository: { nameWithOwner: 'fernhollow/checkout' } } });
    }
    // Each answer is its own copy: merging one request's result never shows in another's.
    expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
  });

  it('never shares between callers with different identities or scopes; the same caller shares', async () => {
    const gateway = await start({ subgraphSecret: crypto.randomBytes(32).toString('base64'), auth: { methods: ['apikey'], apiKeys: API_KEYS } });
    proxy.mode = 'hang';
    const callers = [KEYS.catalogAndScm, KEYS.everything, KEYS.alice];
    const answers = Promise.all(callers.flatMap((key) => Array.from({ length: 4 }, () => post(gateway.url, key))));
    // One fetch per caller reaches the subgraph; each caller's other three wait on its own.
    await proxy.whenHeld(3);
    await untilShared(gateway, 9);
    expect(proxy.held).toBe(3);
    proxy.release();
    const results = await answers;

    expect(proxy.received).toBe(3);
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.entity?.repository).toEqual({ nameWithOwner: 'fernhollow/checkout' });
    }
  });

  it('gives every waiting request the failure, then sends the next one afresh (failures are not kept)', async () => {
    const gateway = await start();
    proxy.mode = 'hang';
    const answers = Promise.all(Array.from({ length: 10 }, () => post(gateway.url, undefined)));
    await proxy.whenHeld(1);
    await untilShared(gateway, 9);
    proxy.release({ status: 502, body: '<html>bad gateway</html>' });
    const results = await answers;

    expect(proxy.received).toBe(1);
    for (const result of results) {
      expect(result.data?.entity).toEqual({ ref: 'component:default/checkout', title: expect.any(String), repository: null });
      expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'scm', status: 502 }) })]);
    }

    const after = await post(gateway.url, undefined);
    expect(after.errors).toBeUndefined();
    expect(after.data?.entity?.repository).toEqual({ nameWithOwner: 'fernhollow/checkout' });
    expect(proxy.received).toBe(2);
  });

  it('with SUBGRAPH_DEDUP=off, sends every one of 20 identical dashboards', async () => {
    const gateway = await start({ subgraphDedup: false });
    proxy.mode = 'hang';
    const answers = Promise.all(Array.from({ length: 20 }, () => post(gateway.url, undefined)));
    // Resolves only if all twenty reach the subgraph.
    await proxy.whenHeld(20);
    proxy.release();
    const results = await answers;

    expect(proxy.received).toBe(20);
    expect(await scmFetches(gateway, 'shared')).toBe(0);
    for (const result of results) expect(result.data?.entity?.repository).toEqual({ nameWithOwner: 'fernhollow/checkout' });
  });
});
