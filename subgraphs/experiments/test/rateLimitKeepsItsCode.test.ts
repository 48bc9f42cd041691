import { startExperimentsStack, type ExperimentsStack } from './startExperimentsStack';

const CART_EXPERIMENTS = '{ entity(ref: "component:default/cart") { ref ... on Component { experiments { id } } } }';

/**
 * A rate limit is GrowthBook saying "later", not GrowthBook being down: however many calls get
 * one, each keeps `UPSTREAM_RATE_LIMITED` (the breaker never opens on it), with a bounded number
 * of requests per call.
 */
describe('experiments under a persistent GrowthBook 429', () => {
  let stack: ExperimentsStack;
  beforeAll(async () => {
    // Two retries per call, and a breaker that two failures in a row would open.
    stack = await startExperimentsStack({ policy: { retries: 2, breaker: { volumeThreshold: 2, consecutiveFailures: 2 } } });
  });
  afterAll(() => stack.close());

  it('answers UPSTREAM_RATE_LIMITED on every call, never UPSTREAM_UNAVAILABLE, and the circuit stays closed', async () => {
    const sim = stack.simulator!;
    sim.inject({ pathIncludes: '/api/v1/experiments', status: 429, headers: { 'retry-after': '0' }, body: { message: 'Too many requests' } });
    for (let i = 0; i < 6; i++) {
      const result = await stack.query(CART_EXPERIMENTS);
      expect([i, result.errors?.map((e) => e.extensions)]).toEqual([i, [expect.objectContaining({ code: 'UPSTREAM_RATE_LIMITED', upstream: 'growthbook' })]]);
      expect(result.data).toEqual({ entity: { ref: 'component:default/cart', experiments: null } });
    }
    // One call and its two retries per query: 18 requests for 6 queries, none spared by an open circuit.
    expect(sim.count('/experiments')).toBe(18);
    const readiness = (await (await fetch(stack.experiments.url.replace('/graphql', '/readyz'))).json()) as { upstreams: Record<string, string> };
    expect(readiness.upstreams.growthbook).toBe('closed');
  });
});
