import { startBackstageSimulator, type BackstageSimulator } from './startBackstageSimulator';
import type { BackstageEntity, BackstageQueryResponse } from '../src/sources/backstage/backstageWire';

const TOKEN = 'simulator-test-token';

describe('Backstage catalog simulator', () => {
  let simulator: BackstageSimulator;
  beforeAll(async () => {
    simulator = await startBackstageSimulator({ token: TOKEN, maxLimit: 10 });
  });
  afterAll(() => simulator.close());

  const get = (path: string, token = TOKEN) => fetch(`${simulator.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers 401 with Backstage\'s error body without a valid bearer token', async () => {
    for (const token of ['', 'wrong']) {
      const response = await get('/api/catalog/entities/by-query', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { name: 'AuthenticationError', message: expect.any(String) },
        request: { method: 'GET', url: '/api/catalog/entities/by-query' },
        response: { statusCode: 401 },
      });
    }
  });

  it('pages through every entity exactly once with opaque cursors, capping limit', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    do {
      const page = (await (await get(`/api/catalog/entities/by-query?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).json()) as BackstageQueryResponse;
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.items.map((e) => `${e.kind}:${e.metadata.name}`));
      total = page.totalItems;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect((await get('/api/catalog/entities/by-query?cursor=not-a-cursor')).status).toBe(400);
  });

  it('serves entities as Backstage does: uid, etag, origin location, computed relations', async () => {
    const entity = simulator.entity('component:default/checkout') as BackstageEntity;
    expect(entity.metadata).toMatchObject({ uid: expect.stringMatching(/^[0-9a-f-]{36}$/), etag: expect.any(String) });
    expect(entity.metadata.annotations?.['backstage.io/managed-by-origin-location']).toMatch(/^url:https:\/\//);
    expect(entity.relations).toContainEqual({ type: 'ownedBy', targetRef: 'group:default/checkout-orders' });
  });

  it('answers by-refs in request order with null for misses, and renews the etag on change', async () => {
    const response = await fetch(`${simulator.url}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ entityRefs: ['component:default/cart', 'component:default/nope', 'Component:default/checkout'] }),
    });
    const { items } = (await response.json()) as { items: (BackstageEntity | null)[] };
    expect(items.map((e) => e?.metadata.name ?? null)).toEqual(['cart', null, 'checkout']);

    const before = simulator.entity('component:default/cart')!;
    simulator.upsertEntity({ ...before, metadata: { ...before.metadata, description: 'changed' } });
    const after = simulator.entity('component:default/cart')!;
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.etag).not.toBe(before.metadata.etag);
  });
});
