import path from 'node:path';
import { DEMO_CATALOG_PATH } from '../../catalog/src/config';
import { errorAt, startIncidentsStack, TEST_TOKEN, type IncidentsStack } from './startIncidentsStack';

const rateLimited = { error: { message: 'Rate Limit Exceeded', code: 2020 } };
const CHECKOUT_QUERY = `{
  entity(ref: "component:default/checkout") {
    ref title
    ... on Component { owner { ... on Group { ref } } pagerdutyServiceId incidents(statuses: [TRIGGERED]) { totalCount } onCall { escalationLevel } }
  }
}`;

describe('incidents failures through the gateway', () => {
  let stack: IncidentsStack;
  beforeAll(async () => {
    stack = await startIncidentsStack({
      catalogPaths: [DEMO_CATALOG_PATH, path.join(__dirname, 'fixtures', 'unknown-service.yaml')],
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.sim!.clearFaults();
    stack.sim!.resetRequests();
  });

  it('retries a 429 a bounded number of times, then gives UPSTREAM_RATE_LIMITED with the catalog data intact', async () => {
    stack.sim!.inject({ pathIncludes: '/incidents', status: 429, body: rateLimited, headers: { 'retry-after': '0' } });
    const result = await stack.query<{ entity: { title: string; incidents: unknown; onCall: unknown[] } }>(CHECKOUT_QUERY);
    expect(result.data!.entity).toMatchObject({ title: 'Checkout Service', incidents: null, onCall: expect.any(Array) });
    const error = errorAt(result, 'entity', 'incidents');
    expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', upstream: 'pagerduty' });
    expect(error?.message).toContain('Rate Limit Exceeded');
    // pdjs retries three times itself (hard-coded); devgraph adds no rounds on top of its.
    expect(stack.sim!.count('/incidents')).toBe(4);
  });

  it('fails a 429 at once when PagerDuty asks for a longer wait than devgraph allows', async () => {
    stack.sim!.inject({ pathIncludes: '/incidents', status: 429, body: rateLimited, headers: { 'retry-after': '20' } });
    const result = await stack.query(CHECKOUT_QUERY);
    expect(errorAt(result, 'entity', 'incidents')?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterMs: 20_000 });
    expect(stack.sim!.count('/incidents')).toBe(4);
  });

  it('serves the last good answer while PagerDuty fails (stale-if-error)', async () => {
    const fresh = await stack.query<{ entity: { incidents: { totalCount: number } } }>(CHECKOUT_QUERY);
    stack.sim!.inject({ pathIncludes: '/incidents', status: 503 });
    const stale = await stack.query<{ entity: { incidents: { totalCount: number } } }>(CHECKOUT_QUERY);
    expect(stale.errors).toBeUndefined();
    expect(stale.data!.entity.incidents).toEqual(fresh.data!.entity.incidents);
    expect(stack.sim!.count('/incidents')).toBe(4);
    // Counted and logged as every tool's stale serves are, with the one upstream label set.
    const metrics = await (await fetch(stack.incidents.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/devgraph_upstream_stale_served_total\{upstream="pagerduty"[^}]*\} 1\n/);
    expect(metrics).toMatch(/devgraph_upstream_calls_total\{upstream="pagerduty",outcome="http_5xx"[^}]*\} 1\n/);
    expect(stack.logLines.join('\n')).toContain('pagerduty failed; served stale data');
  });

  it('maps 5xx to UPSTREAM_UNAVAILABLE', async () => {
    stack.sim!.inject({ pathIncludes: '/oncalls', status: 502 });
    // A component no earlier test read, so no stale value stands in for the failure.
    const result = await stack.query(CHECKOUT_QUERY.replace('checkout', 'search'));
    expect(errorAt(result, 'entity', 'onCall')?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(result.data).toMatchObject({ entity: { ref: 'component:default/search', owner: { ref: 'group:default/search-discovery' }, onCall: null } });
  });

  it('gives NOT_FOUND for an unknown service id on that component only', async () => {
    const result = await stack.query<{ entities: { nodes: { ref: string; incidents: unknown; pagerdutyService: unknown }[] } }>(`{
      entities(filter: { kind: ["Component"], owner: "checkout-orders" }) {
        nodes { ref ... on Component { pagerdutyService { name } incidents { totalCount } } }
      }
    }`);
    const nodes = Object.fromEntries(result.data!.entities.nodes.map((n) => [n.ref.split('/')[1], n]));
    expect(nodes['ghost-service']).toMatchObject({ incidents: null, pagerdutyService: null });
    expect(nodes.checkout).toMatchObject({ pagerdutyService: { name: 'Checkout Service' }, incidents: { totalCount: expect.any(Number) } });
    expect(nodes['legacy-coupons']).toMatchObject({ incidents: null, pagerdutyService: null });
    const ghostIndex = result.data!.entities.nodes.findIndex((n) => n.ref === 'component:default/ghost-service');
    expect(result.errors?.map((e) => [e.path, e.extensions?.code]).sort()).toEqual([
      [['entities', 'nodes', ghostIndex, 'incidents'], 'NOT_FOUND'],
      [['entities', 'nodes', ghostIndex, 'pagerdutyService'], 'NOT_FOUND'],
    ]);
    expect(result.errors?.[0]?.message).toContain('PNOSUCH');
    expect(stack.sim!.requests.find((r) => r.path === '/incidents')?.query['service_ids[]']).not.toContain('PNOSUCH');
  });

  it('keeps the token out of recorded requests and logs', async () => {
    stack.sim!.inject({ pathIncludes: '/oncalls', status: 500, times: 1 });
    await stack.query(CHECKOUT_QUERY.replace('checkout', 'orders'));
    expect(stack.sim!.requests.length).toBeGreaterThan(0);
    expect(stack.sim!.requests.every((r) => r.authorized)).toBe(true);
    expect(JSON.stringify(stack.sim!.requests)).not.toContain(TEST_TOKEN);
    expect(stack.logLines.length).toBeGreaterThan(0);
    expect(stack.logLines.join('\n')).not.toContain(TEST_TOKEN);
  });
});

describe('incidents when PagerDuty hangs', () => {
  it('gives UPSTREAM_TIMEOUT after the configured timeout, with the catalog data intact', async () => {
    // A short timeout, and a query whose only PagerDuty call is the one that hangs: no answer
    // PagerDuty does give can be cut short by a busy machine, and the hang always times out.
    const stack = await startIncidentsStack({ policy: { timeoutMs: 250 } });
    try {
      stack.sim!.inject({ pathIncludes: '/incidents/', hang: true });
      const { id } = stack.sim!.data.incidents[0]!;
      const result = await stack.query(`{
        incident(id: "${id}") { id }
        entity(ref: "component:default/search") { ref ... on Component { owner { ... on Group { ref } } } }
      }`);
      expect(errorAt(result, 'incident')?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', upstream: 'pagerduty' });
      expect(result.data).toEqual({ incident: null, entity: { ref: 'component:default/search', owner: { ref: 'group:default/search-discovery' } } });
    } finally {
      await stack.close();
    }
  });
});

describe('incidents with a wrong token or no PagerDuty', () => {
  it('gives UNAUTHENTICATED for a token PagerDuty rejects, never showing the token', async () => {
    const wrong = 'pd-wrong-token-0a9b8c7d6e5f4321';
    const stack = await startIncidentsStack({ token: wrong });
    try {
      const result = await stack.query(CHECKOUT_QUERY);
      expect(result.data).toMatchObject({ entity: { title: 'Checkout Service', incidents: null, onCall: null } });
      expect(errorAt(result, 'entity', 'incidents')?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', upstream: 'pagerduty', subgraph: 'incidents' });
      expect(errorAt(result, 'entity', 'incidents')?.message).toContain('check the token');
      expect(stack.sim!.count('/services')).toBe(1);
      const everything = JSON.stringify(result) + stack.logLines.join('\n') + JSON.stringify(stack.sim!.requests);
      expect(everything).not.toContain(wrong);
      expect(everything).not.toContain(TEST_TOKEN);
    } finally {
      await stack.close();
    }
  });

  it('returns the catalog data with UPSTREAM_UNAVAILABLE when the simulator is down', async () => {
    const stack = await startIncidentsStack({ simulatorDown: true });
    try {
      const result = await stack.query<{ entity: Record<string, unknown> }>(CHECKOUT_QUERY);
      expect(result.data!.entity).toMatchObject({ ref: 'component:default/checkout', title: 'Checkout Service', owner: { ref: 'group:default/checkout-orders' }, pagerdutyServiceId: 'PCH3K7T', incidents: null, onCall: null });
      expect(errorAt(result, 'entity', 'incidents')?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: 'pagerduty' });
    } finally {
      await stack.close();
    }
  });
});
