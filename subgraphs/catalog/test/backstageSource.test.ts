import path from 'node:path';
import { upstreamPolicy } from '@devgraph/runtime';
import { freePort } from '../../../test/support/freePort';
import { startBackstageSimulator, type BackstageSimulator } from '../simulator/startBackstageSimulator';
import { eventually, startCatalogStack, type CatalogStack } from './startCatalogStack';

const DUPLICATE = path.join(__dirname, 'fixtures', 'backstage-override.yaml');
const TOKEN = 'backstage-test-token-0123456789';

const STATUS = `{ catalogStatus { source lastSyncAt ageSeconds entityCount problems stale
  sources { kind location lastSyncAt lastAttemptAt lastError entityCount stale ageSeconds } } }`;

interface Status {
  source: string;
  lastSyncAt: string | null;
  ageSeconds: number | null;
  entityCount: number;
  problems: number;
  stale: boolean;
  sources: { kind: string; location: string; lastError: string | null; stale: boolean; entityCount: number; lastAttemptAt: string | null }[];
}

describe('Backstage as the catalog source, through the gateway', () => {
  let simulator: BackstageSimulator;
  let stack: CatalogStack;
  // Longer than jest's timeout: a slow sync page on a busy machine must not read as Backstage failing.
  const policy = upstreamPolicy({ timeoutMs: 60_000, retries: 0 });
  const backstage = (url: string, overrides = {}) => ({ url, token: TOKEN, syncIntervalMs: 100, policy, pageSize: 7, ...overrides });

  beforeAll(async () => {
    simulator = await startBackstageSimulator({ token: TOKEN });
    stack = await startCatalogStack({ backstage: backstage(simulator.url) }, [TOKEN]);
  });
  afterAll(async () => {
    await stack.close();
    await simulator.close();
  });
  afterEach(() => simulator.clearFaults());

  it('syncs every entity at start through several by-query pages and serves Backstage\'s relations', async () => {
    const total = (await (await fetch(`${simulator.url}/api/catalog/entities/by-query?limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { totalItems: number };
    expect(total.totalItems).toBeGreaterThan(14);
    const byQuery = simulator.requests.filter((r) => r.path === '/api/catalog/entities/by-query');
    expect(byQuery.length).toBeGreaterThanOrEqual(Math.ceil(total.totalItems / 7));
    expect(byQuery.every((r) => r.authorized)).toBe(true);

    const result = await stack.query<{ entity: { ref: string; source: { location: string }; owner: { ref: string }; system: { ref: string } }; catalogStatus: Status }>(`{
      entity(ref: "component:default/checkout") { ref source { location } ... on Component { owner { ... on Group { ref } } system { ref } } }
      catalogStatus { source entityCount problems stale lastSyncAt }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.entity).toMatchObject({ owner: { ref: 'group:default/checkout-orders' }, system: { ref: 'system:default/ordering' } });
    expect(result.data?.entity.source.location).toMatch(/^url:https:\/\/github\.com\/fernhollow\/catalog\/blob\/main\/.+\.yaml$/);
    expect(result.data?.catalogStatus).toMatchObject({ source: 'backstage', entityCount: total.totalItems, problems: 0, stale: false });
    expect(result.data?.catalogStatus.lastSyncAt).toEqual(expect.any(String));
  });

  it('picks up a change in Backstage at the next periodic sync', async () => {
    const checkout = simulator.entity('component:default/checkout')!;
    simulator.upsertEntity({ ...checkout, metadata: { ...checkout.metadata, description: 'Changed in Backstage' } });
    const description = await eventually(async () => {
      const r = await stack.query<{ entity: { description: string | null } }>('{ entity(ref: "component:default/checkout") { description } }');
      return r.data?.entity.description === 'Changed in Backstage' ? r.data.entity.description : undefined;
    });
    expect(description).toBe('Changed in Backstage');
  });

  it('looks up entities missing from the snapshot with ONE by-refs call per request, order kept, null for misses', async () => {
    // A stack that never re-syncs, so the new entities stay missing from its snapshot.
    const slow = await startCatalogStack({ backstage: backstage(simulator.url, { syncIntervalMs: 3_600_000 }) });
    try {
      const cart = simulator.entity('component:default/cart')!;
      for (const name of ['fresh-one', 'fresh-two']) {
        simulator.upsertEntity({ ...cart, metadata: { ...cart.metadata, name, uid: undefined, annotations: {} }, relations: [{ type: 'ownedBy', targetRef: 'group:default/checkout-orders' }] });
      }
      simulator.resetRequests();
      const result = await slow.query<Record<string, { ref: string; owner?: { ref: string } } | null>>(`{
        a: entity(ref: "component:default/fresh-one") { ref ... on Component { owner { ... on Group { ref } } } }
        b: entity(ref: "component:default/fresh-two") { ref }
        c: entity(ref: "component:default/never-there") { ref }
        d: entity(ref: "component:default/cart") { ref }
      }`);
      expect(result.data).toEqual({
        a: { ref: 'component:default/fresh-one', owner: { ref: 'group:default/checkout-orders' } },
        b: { ref: 'component:default/fresh-two' },
        c: null,
        d: { ref: 'component:default/cart' },
      });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      const byRefs = simulator.requests.filter((r) => r.path === '/api/catalog/entities/by-refs');
      expect(byRefs).toHaveLength(1);
      expect(byRefs[0]?.body).toEqual({ entityRefs: ['component:default/fresh-one', 'component:default/fresh-two', 'component:default/never-there'] });
    } finally {
      await slow.close();
      simulator.removeEntity('component:default/fresh-one');
      simulator.removeEntity('component:default/fresh-two');
    }
  });

  it('keeps serving the last snapshot while Backstage is down, marked stale with its age and the error', async () => {
    simulator.inject({ pathIncludes: '/api/catalog', status: 503, body: { error: { name: 'ServiceUnavailableError', message: 'catalog is restarting' }, response: { statusCode: 503 } } });
    const status = await eventually(async () => {
      const r = await stack.query<{ catalogStatus: Status }>(STATUS);
      return r.data?.catalogStatus.stale ? r.data.catalogStatus : undefined;
    });
    expect(status.sources[0]).toMatchObject({ kind: 'BACKSTAGE', location: simulator.url, stale: true });
    expect(status.sources[0]?.lastError).toContain('catalog is restarting');
    expect(status.ageSeconds).toEqual(expect.any(Number));
    expect(status.entityCount).toBeGreaterThan(14);

    const still = await stack.query<{ entity: { ref: string } }>('{ entity(ref: "component:default/payments") { ref } }');
    expect(still.data?.entity).toEqual({ ref: 'component:default/payments' });

    simulator.clearFaults();
    await eventually(async () => {
      const r = await stack.query<{ catalogStatus: Status }>(STATUS);
      return r.data?.catalogStatus.stale === false ? true : undefined;
    });
  });

  it('never writes the token to its logs, even when Backstage rejects it', async () => {
    simulator.inject({ pathIncludes: '/api/catalog', status: 401, body: { error: { name: 'AuthenticationError', message: `Illegal token ${TOKEN}` }, response: { statusCode: 401 } } });
    await eventually(async () => (stack.logLines.some((l) => l.includes('AuthenticationError')) ? true : undefined));
    expect(stack.logLines.join('\n')).not.toContain(TOKEN);
    expect(stack.logLines.some((l) => l.includes('check BACKSTAGE_TOKEN'))).toBe(true);
  });

  it('counts Backstage calls in the shared upstream metrics (upstream, outcome)', async () => {
    const metrics = await (await fetch(`${new URL(stack.catalog.url).origin}/metrics`)).text();
    const calls = metrics.split('\n').filter((line) => line.startsWith('devgraph_upstream_calls_total{') && line.includes('upstream="backstage"'));
    expect(calls.some((line) => line.includes('outcome="ok"') && Number(line.split(' ').pop()) > 0)).toBe(true);
  });

  it('answers a failed lookup with the upstream error, its message free of the token', async () => {
    simulator.inject({ pathIncludes: '/entities/by-refs', status: 401, body: { error: { name: 'AuthenticationError', message: `Illegal token ${TOKEN}` }, response: { statusCode: 401 } } });
    const result = await stack.query('{ entity(ref: "component:default/not-in-the-snapshot") { ref } }');
    expect(result.data?.entity).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', upstream: 'backstage' });
    expect(result.errors?.[0]?.message).toContain('check BACKSTAGE_TOKEN');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('serves files and Backstage together, the file winning a duplicate ref with a DUPLICATE_REF problem', async () => {
    const both = await startCatalogStack({ catalogPaths: [DUPLICATE], backstage: backstage(simulator.url, { syncIntervalMs: 3_600_000 }) });
    try {
      const r = await both.query<{ entity: { description: string; source: { location: string } }; catalogProblems: { kind: string; entityRef: string }[]; catalogStatus: Status }>(`{
        entity(ref: "component:default/cart") { description source { location } }
        catalogProblems { kind entityRef }
        catalogStatus { source sources { kind entityCount } }
      }`);
      expect(r.data?.entity).toEqual({ description: 'Local override', source: { location: DUPLICATE } });
      expect(r.data?.catalogProblems).toContainEqual({ kind: 'DUPLICATE_REF', entityRef: 'component:default/cart' });
      expect(r.data?.catalogStatus.source).toBe('files+backstage');
      expect(r.data?.catalogStatus.sources.map((s) => s.kind)).toEqual(['FILES', 'BACKSTAGE']);
    } finally {
      await both.close();
    }
  });

  it('starts with an empty, stale catalog when Backstage is unreachable, and says why', async () => {
    const down = await startCatalogStack({ backstage: backstage(`http://127.0.0.1:${await freePort()}`, { syncIntervalMs: 3_600_000 }) });
    try {
      const r = await down.query<{ catalogStatus: Status }>(STATUS);
      expect(r.data?.catalogStatus).toMatchObject({ source: 'backstage', entityCount: 0, stale: true, lastSyncAt: null, ageSeconds: null });
      expect(r.data?.catalogStatus.sources[0]?.lastError).toMatch(/could not reach backstage/);
    } finally {
      await down.close();
    }
  });
});
