import { errorAt, startIncidentsStack, type IncidentsStack } from './startIncidentsStack';

const rateLimited = { error: { message: 'Rate Limit Exceeded', code: 2020 } };
const CHECKOUT_INCIDENTS = '{ entity(ref: "component:default/checkout") { ref ... on Component { incidents { totalCount } } } }';

/**
 * A rate limit is PagerDuty saying "later", not PagerDuty being down: however many calls get one,
 * each keeps `UPSTREAM_RATE_LIMITED` (the breaker never opens on it), and each call costs a
 * bounded number of requests (pdjs's own four, no rounds of devgraph's on top).
 */
describe('incidents under a persistent PagerDuty 429', () => {
  let stack: IncidentsStack;
  beforeAll(async () => {
    // A breaker as quick to open as it can be: two failures in a row would open it.
    stack = await startIncidentsStack({ policy: { breaker: { volumeThreshold: 2, consecutiveFailures: 2 } } });
  });
  afterAll(() => stack.close());

  it('answers UPSTREAM_RATE_LIMITED on every call, never UPSTREAM_UNAVAILABLE, and the circuit stays closed', async () => {
    stack.sim!.inject({ pathIncludes: '/incidents', status: 429, body: rateLimited, headers: { 'retry-after': '0' } });
    for (let i = 0; i < 6; i++) {
      const result = await stack.query(CHECKOUT_INCIDENTS);
      expect([i, errorAt(result, 'entity', 'incidents')?.extensions]).toEqual([i, expect.objectContaining({ code: 'UPSTREAM_RATE_LIMITED', upstream: 'pagerduty' })]);
      expect(result.data).toEqual({ entity: { ref: 'component:default/checkout', incidents: null } });
    }
    const readiness = (await (await fetch(stack.incidents.url.replace('/graphql', '/readyz'))).json()) as { upstreams: Record<string, string> };
    expect(readiness.upstreams.pagerduty).toBe('closed');
  });

  it('makes a bounded number of PagerDuty requests: 2 queries, 8 requests (pdjs tries 4 times, devgraph adds none)', async () => {
    stack.sim!.clearFaults();
    stack.sim!.resetRequests();
    stack.sim!.inject({ pathIncludes: '/incidents', status: 429, body: rateLimited, headers: { 'retry-after': '0' } });
    await stack.query(CHECKOUT_INCIDENTS);
    await stack.query(CHECKOUT_INCIDENTS);
    expect(stack.sim!.count('/incidents')).toBe(8);
  });
});
