import { TEST_API_KEY, startExperimentsStack, type ExperimentsStack } from './startExperimentsStack';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- deep response shapes

const CHECKOUT = '{ entity(ref: "component:default/checkout") { ref title ... on Component { owner { ... on Group { ref } } experiments { id } } } }';

const errorCodes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

describe('experiments: GrowthBook failures through the gateway', () => {
  let stack: ExperimentsStack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('keeps catalog data when GrowthBook is unreachable: experiments are null with UPSTREAM_UNAVAILABLE', async () => {
    stack = await startExperimentsStack({ simulator: 'down' });
    const result = await stack.query<Json>(CHECKOUT);
    expect(result.data!.entity).toEqual({ ref: 'component:default/checkout', title: expect.any(String), owner: { ref: 'group:default/checkout-orders' }, experiments: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: 'growthbook' });
    expect(result.errors?.[0]?.message).toMatch(/growthbook/);
  });

  // Each query below makes one GrowthBook call, the one that fails.
  const failing = (code: string) => `{ experiment(id: "exp_${code.toLowerCase()}") { id } entity(ref: "component:default/cart") { ref } }`;

  it('maps GrowthBook\'s 401, 429 and 5xx to the shared codes', async () => {
    stack = await startExperimentsStack();
    const sim = stack.simulator!;
    const cases: [Parameters<typeof sim.inject>[0], string][] = [
      [{ status: 401, body: { message: 'Invalid API key' }, times: 1 }, 'UNAUTHENTICATED'],
      [{ status: 403, body: { message: 'Forbidden' }, times: 1 }, 'FORBIDDEN'],
      [{ status: 429, headers: { 'retry-after': '120' }, body: { message: 'Too many requests' }, times: 1 }, 'UPSTREAM_RATE_LIMITED'],
      [{ status: 502, body: { message: 'Bad gateway' }, times: 1 }, 'UPSTREAM_UNAVAILABLE'],
    ];
    for (const [fault, code] of cases) {
      sim.inject({ ...fault, pathIncludes: '/api/v1/experiments/' });
      // A fresh id each time, so the cache never answers for GrowthBook.
      const result = await stack.query<Json>(failing(code));
      expect([code, errorCodes(result)]).toEqual([code, [code]]);
      expect(result.data).toEqual({ experiment: null, entity: { ref: 'component:default/cart' } });
    }
  });

  it('maps a hanging GrowthBook to UPSTREAM_TIMEOUT', async () => {
    // A short timeout is safe here: the only GrowthBook call of the query is the one that hangs,
    // so no answer GrowthBook does give can be cut short by a busy machine.
    stack = await startExperimentsStack({ policy: { timeoutMs: 250 } });
    stack.simulator!.inject({ hang: true, pathIncludes: '/api/v1/experiments/' });
    const result = await stack.query<Json>(failing('UPSTREAM_TIMEOUT'));
    expect(errorCodes(result)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(result.data).toEqual({ experiment: null, entity: { ref: 'component:default/cart' } });
  });

  it('never puts the API key in errors, logs or what GrowthBook records, even when GrowthBook echoes it', async () => {
    stack = await startExperimentsStack({ simulator: { token: 'a-different-key' } });
    stack.simulator!.inject({ status: 500, body: { message: `internal error for key ${TEST_API_KEY}` }, times: 1, pathIncludes: '/features' });
    const result = await stack.query<Json>('{ entity(ref: "component:default/cart") { ... on Component { experiments { id } featureFlags { key } } } }');
    expect(errorCodes(result).sort()).toEqual(['UNAUTHENTICATED', 'UPSTREAM_UNAVAILABLE']);
    expect(result.errors!.find((e) => e.extensions?.code === 'UNAUTHENTICATED')!.message).toMatch(/growthbook.*token/i);
    const everything = JSON.stringify(result) + stack.logLines.join('\n') + JSON.stringify(stack.simulator!.requests);
    expect(stack.logLines.some((l) => l.includes('upstream call failed'))).toBe(true);
    expect(everything).not.toContain(TEST_API_KEY);
    expect(stack.simulator!.requests.every((r) => r.authorized)).toBe(true);
  });
});
