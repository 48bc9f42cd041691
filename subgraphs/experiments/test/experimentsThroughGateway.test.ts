import { startExperimentsStack, type ExperimentsStack } from './startExperimentsStack';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- deep response shapes; each test asserts what it reads

const RESULT_FIELDS = `results {
  phase engine totalUsers
  sampleRatio { growthbookPValue pValue chiSquare degreesOfFreedom threshold healthy variants { variantId observedUsers expectedShare expectedUsers } }
  metrics { metricId name variants { variantId variantName isControl users mean stddev percentChange ciLow ciHigh pValue chanceToBeatControl risk engine significant direction } }
}`;

describe('experiments through the gateway (demo organisation, GrowthBook simulator)', () => {
  let stack: ExperimentsStack;
  beforeAll(async () => {
    stack = await startExperimentsStack();
  });
  afterAll(() => stack.close());

  it('answers the script use case in one query: a service\'s owners and its running experiments with results', async () => {
    const result = await stack.query<Json>(`{
      entity(ref: "component:default/checkout") {
        ... on Component {
          owner { ... on Group { ref members { email } } }
          growthbookProject
          experiments(status: RUNNING) { id name status owner variants { name weight } summary { text healthy } ${RESULT_FIELDS} }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const c = result.data!.entity;
    expect(c.owner.ref).toBe('group:default/checkout-orders');
    expect(c.experiments.map((e: Json) => e.id)).toEqual(['exp_checkout-one-page']);
    const [onePage] = c.experiments;
    expect(onePage.owner).toMatch(/@fernhollow\.com$/);
    expect(c.owner.members.map((m: Json) => m.email)).toContain(onePage.owner);
    expect(onePage.variants).toEqual([{ name: 'Control', weight: 0.5 }, { name: 'One page', weight: 0.5 }]);
    // The planted mismatch: 10 500 vs 9 500 on a 50/50 split (chi2 = 50, df = 1, p ~ 1.54e-12).
    expect(onePage.results.sampleRatio).toMatchObject({ chiSquare: 50, degreesOfFreedom: 1, threshold: 0.001, healthy: false });
    expect(onePage.results.sampleRatio.pValue).toBeLessThan(1e-11);
    expect(onePage.results.sampleRatio.growthbookPValue).toBeLessThan(0.001);
    expect(onePage.summary.healthy).toBe(false);
    expect(onePage.summary.text).toMatch(/^SAMPLE RATIO MISMATCH/);
  });

  it('normalises bayesian results: chance to beat control and risk, no p-value, percent units', async () => {
    const result = await stack.query<Json>(`{ experiment(id: "exp_storefront-static-hero") { status ${RESULT_FIELDS} summary { text moved { metricName variantName direction percentChange } } } }`);
    expect(result.errors).toBeUndefined();
    const r = result.data!.experiment.results;
    expect(r).toMatchObject({ engine: 'BAYESIAN', totalUsers: 30000, sampleRatio: { healthy: true } });
    const [control, hero] = r.metrics[0].variants;
    expect(control).toMatchObject({ isControl: true, users: 15040, mean: 0.1, percentChange: null, pValue: null, chanceToBeatControl: null, significant: false });
    // 1504/15040 = 10% vs 1795/14960 = 11.999%: +19.99% relative.
    expect(hero).toMatchObject({ isControl: false, users: 14960, engine: 'BAYESIAN', pValue: null, significant: true, direction: 'UP' });
    expect(hero.percentChange).toBeCloseTo(19.99, 1);
    expect(hero.ciLow).toBeLessThan(hero.percentChange);
    expect(hero.ciHigh).toBeGreaterThan(hero.percentChange);
    expect(hero.chanceToBeatControl).toBeGreaterThan(0.95);
    expect(hero.risk).toBeGreaterThanOrEqual(0);
    expect(result.data!.experiment.summary.moved).toEqual([{ metricName: 'Home click-through', variantName: 'Static hero', direction: 'UP', percentChange: hero.percentChange }]);
    expect(result.data!.experiment.summary.text).toMatch(/^1 of 1 metric moved: Home click-through \+20\.0% \(Static hero\); split healthy$/);
  });

  it('normalises frequentist results: p-values, no chance to beat control, a mean metric and a 3-arm split', async () => {
    const result = await stack.query<Json>(`{ experiment(id: "exp_cart-save-for-later") { variants { key weight } ${RESULT_FIELDS} } }`);
    expect(result.errors).toBeUndefined();
    const r = result.data!.experiment.results;
    expect(r.engine).toBe('FREQUENTIST');
    // Configured 34/33/33; observed 6820/6610/6570 of 20 000: expected 6800/6600/6600.
    // chi2 = 20^2/6800 + 10^2/6600 + 30^2/6600 = 0.0588 + 0.0152 + 0.1364 = 0.2104, df = 2, p = exp(-0.1052) = 0.900
    expect(r.sampleRatio.chiSquare).toBeCloseTo(0.2104, 3);
    expect(r.sampleRatio.pValue).toBeCloseTo(0.9001, 3);
    expect(r.sampleRatio.healthy).toBe(true);
    const [conversion, items] = r.metrics;
    expect(conversion.name).toBe('Cart to checkout');
    const [, link, button] = conversion.variants;
    expect(button).toMatchObject({ chanceToBeatControl: null, risk: null, significant: true, direction: 'UP' });
    expect(button.pValue).toBeLessThan(0.05);
    expect(button.mean).toBeCloseTo(2300 / 6570, 5);
    expect(link.pValue).toBeGreaterThan(0.05);
    expect(link).toMatchObject({ significant: false, direction: null });
    expect(items.variants[0].mean).toBe(2.4);
  });

  it('lists a component\'s experiments by status, hides archived ones unless asked, and is null without the annotation', async () => {
    const result = await stack.query<Json>(`{
      cart: entity(ref: "component:default/cart") { ... on Component {
        all: experiments { id status archived }
        withArchived: experiments(includeArchived: true) { id archived outcome conclusion winner { name } }
        stopped: experiments(status: STOPPED, includeArchived: true) { id }
        one: experiments(first: 1, includeArchived: true) { id }
      } }
      orders: entity(ref: "component:default/orders") { ... on Component { experiments { id } featureFlags { key } } }
      checkout: entity(ref: "component:default/checkout") { ... on Component { experiments(status: STOPPED) { id outcome winner { id name } endedAt } draft: experiments(status: DRAFT) { id startedAt results { phase } summary { text } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const d = result.data!;
    expect(d.cart.all).toEqual([{ id: 'exp_cart-save-for-later', status: 'RUNNING', archived: false }]);
    expect(d.cart.withArchived.map((e: Json) => e.id)).toEqual(['exp_cart-save-for-later', 'exp_cart-shipping-bar']);
    expect(d.cart.withArchived[1]).toMatchObject({ archived: true, outcome: 'LOST', winner: null });
    expect(d.cart.stopped).toEqual([{ id: 'exp_cart-shipping-bar' }]);
    expect(d.cart.one).toHaveLength(1);
    expect(d.orders).toEqual({ experiments: null, featureFlags: null });
    expect(d.checkout.experiments).toEqual([{ id: 'exp_checkout-express-pay', outcome: 'WON', winner: { id: 'var_checkout-express-pay_1', name: 'Express pay' }, endedAt: '2025-03-10T08:00:00.000Z' }]);
    expect(d.checkout.draft).toEqual([{ id: 'exp_checkout-trust-badges', startedAt: null, results: null, summary: null }]);
  });

  it('gives NOT_FOUND for an unknown experiment (GrowthBook\'s 400) and keeps the rest of the query', async () => {
    const result = await stack.query<Json>(`{ missing: experiment(id: "exp_does-not-exist") { id } fine: experiment(id: "exp_search-autocomplete") { id status outcome } }`);
    expect(result.data).toEqual({ missing: null, fine: { id: 'exp_search-autocomplete', status: 'STOPPED', outcome: 'INCONCLUSIVE' } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['missing'], extensions: { code: 'NOT_FOUND', upstream: 'growthbook' } });
  });

  it('reads any phase of a multi-phase experiment and rejects a phase that does not exist', async () => {
    const result = await stack.query<Json>(`{ experiment(id: "exp_search-semantic-ranking") {
      phases { name coverage startedAt endedAt trafficSplit { weight } }
      ramp: results(phase: 0) { phase totalUsers }
      current: results { phase totalUsers }
    } bad: experiment(id: "exp_search-semantic-ranking") { results(phase: 7) { phase } } }`);
    const e = result.data!.experiment;
    expect(e.phases.map((p: Json) => [p.name, p.coverage])).toEqual([['Ramp-up', 0.1], ['Main', 1]]);
    expect(e.phases[1].endedAt).toBeNull();
    expect(e.ramp).toEqual({ phase: 0, totalUsers: 2400 });
    expect(e.current).toEqual({ phase: 1, totalUsers: 24000 });
    expect(result.errors?.map((x) => [x.path?.join('.'), x.extensions?.code])).toEqual([['bad.results', 'BAD_USER_INPUT']]);
  });

  it('pages Query.experiments with stable cursors and totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const page: { data?: Json | null } = await stack.query<Json>('query($after: String) { experiments(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }', { after });
      const conn = page.data!.experiments;
      total = conn.totalCount;
      seen.push(...conn.nodes.map((n: Json) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).not.toContain('exp_cart-shipping-bar');
    const byProject = await stack.query<Json>('{ experiments(project: "prj_search", status: STOPPED) { totalCount nodes { id } } bad: experiments(after: "nonsense") { totalCount } }');
    expect(byProject.data!.experiments).toEqual({ totalCount: 1, nodes: [{ id: 'exp_search-autocomplete' }] });
    expect(byProject.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists feature flags with environments, rule counts, stale and archived', async () => {
    const result = await stack.query<Json>(`{ entity(ref: "component:default/cart") { ... on Component {
      featureFlags { key valueType defaultValue archived stale environments { name enabled ruleCount enabledRuleCount } }
      withArchived: featureFlags(includeArchived: true) { key archived }
    } } }`);
    expect(result.errors).toBeUndefined();
    const flags = result.data!.entity.featureFlags as Json[];
    expect(flags.map((f) => [f.key, f.stale])).toEqual([['cart-copy-variant', false], ['cart-kill-switch', true], ['cart-redesign', false]]);
    expect(flags.find((f) => f.key === 'cart-redesign')!.environments).toEqual([
      { name: 'production', enabled: true, ruleCount: 1, enabledRuleCount: 1 },
      { name: 'staging', enabled: true, ruleCount: 0, enabledRuleCount: 0 },
    ]);
    expect(result.data!.entity.withArchived).toContainEqual({ key: 'cart-legacy-layout', archived: true });
  });

  it('finds the experiments a catalog user owns by email, including a legacy owner record', async () => {
    const result = await stack.query<Json>(`{
      sofia: entity(ref: "user:default/sofia.ferreira") { ... on User { email experimentsOwned { id owner } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.sofia.experimentsOwned).toEqual([{ id: 'exp_recs-collaborative-v2', owner: 'sofia.ferreira@fernhollow.com' }]);
  });
});
