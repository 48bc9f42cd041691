import path from 'node:path';
import { DEMO_CATALOG_PATH } from '../../catalog/src/config';
import { startExperimentsStack, type ExperimentsStack } from './startExperimentsStack';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- deep response shapes

const SHARED_PROJECT = path.join(__dirname, 'fixtures', 'shared-project.yaml');
const CHECKOUT_COMPONENTS = `{ entities(filter: { kind: ["Component"], text: "checkout" }, first: 10) { nodes { ref ... on Component { growthbookProject experiments(includeArchived: true) { id } } } } }`;

describe('experiments: batching and caching', () => {
  let stack: ExperimentsStack;
  const calls = (path: string) => stack.simulator!.requests.filter((r) => r.path === path);
  beforeEach(async () => {
    stack = await startExperimentsStack({ catalogPaths: [DEMO_CATALOG_PATH, SHARED_PROJECT] });
  });
  afterEach(() => stack.close());

  it('makes one list call for many components of one project, and none for results nobody selected', async () => {
    const result = await stack.query<Json>(CHECKOUT_COMPONENTS);
    expect(result.errors).toBeUndefined();
    const onProject = result.data!.entities.nodes.filter((n: Json) => n.growthbookProject === 'prj_checkout');
    expect(onProject.length).toBe(4);
    for (const n of onProject) expect(n.experiments.map((e: Json) => e.id)).toContain('exp_checkout-one-page');
    // One call per distinct project in the operation: four components of prj_checkout cost one.
    const projects = [...new Set(result.data!.entities.nodes.map((n: Json) => n.growthbookProject).filter(Boolean))].sort();
    expect(calls('/api/v1/experiments').map((r) => r.query.projectId).sort()).toEqual(projects);
    expect(stack.simulator!.count('/results')).toBe(0);
  });

  it('fetches each experiment\'s results once per operation however often they are selected', async () => {
    const result = await stack.query<Json>(`{
      a: entity(ref: "component:default/checkout") { ... on Component { experiments { results { totalUsers } summary { text } } } }
      b: entity(ref: "component:default/checkout-mobile") { ... on Component { experiments { results { totalUsers } } } }
      one: experiment(id: "exp_checkout-one-page") { results { totalUsers } }
    }`);
    expect(result.errors).toBeUndefined();
    // Running + stopped on prj_checkout have results; the draft is never asked.
    expect(calls('/api/v1/experiments/exp_checkout-one-page/results')).toHaveLength(1);
    expect(calls('/api/v1/experiments/exp_checkout-express-pay/results')).toHaveLength(1);
    expect(stack.simulator!.count('trust-badges')).toBe(0);
  });

  it('serves a repeated query from the cache, refreshes metadata before results, and serves stale data when GrowthBook fails', async () => {
    const query = '{ entity(ref: "component:default/checkout") { ... on Component { experiments { id results { totalUsers } } } } }';
    const first = await stack.query<Json>(query);
    expect(first.errors).toBeUndefined();
    const afterFirst = stack.simulator!.count();
    expect(afterFirst).toBe(3); // one list, two results

    expect(await stack.query<Json>(query)).toEqual(first);
    expect(stack.simulator!.count()).toBe(afterFirst); // all from cache

    stack.advanceClock(61); // metadata TTL is 60 s, results 900 s
    await stack.query<Json>(query);
    expect(stack.simulator!.count('/api/v1/experiments') - afterFirst).toBe(1);
    expect(calls('/api/v1/experiments')).toHaveLength(2);
    expect(stack.simulator!.count('/results')).toBe(2);

    stack.advanceClock(1000); // everything stale now; GrowthBook is down
    stack.simulator!.inject({ status: 503, body: { message: 'maintenance' } });
    const stale = await stack.query<Json>(query);
    // The same data, and the response says GrowthBook's part of it is old (extensions.stale).
    expect(stale).toEqual({ ...first, extensions: { stale: [{ upstream: 'growthbook', storedAt: expect.any(String) }] } });
    expect(stack.logLines.some((l) => l.includes('growthbook failed; served stale data'))).toBe(true);
    // The label set every upstream uses: four calls answered, three failed, three stale values served.
    const metrics = await (await fetch(stack.experiments.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/devgraph_upstream_calls_total\{upstream="growthbook",outcome="ok"[^}]*\} 4\n/);
    expect(metrics).toMatch(/devgraph_upstream_calls_total\{upstream="growthbook",outcome="http_5xx"[^}]*\} 3\n/);
    expect(metrics).toMatch(/devgraph_upstream_stale_served_total\{upstream="growthbook"[^}]*\} 3\n/);
  });

  it('takes GrowthBook\'s "no such experiment" as an answer: cached like data, never replaced by a stale copy', async () => {
    const query = '{ experiment(id: "exp_search-autocomplete") { id } }';
    const path = '/api/v1/experiments/exp_search-autocomplete';
    expect((await stack.query<Json>(query)).data).toEqual({ experiment: { id: 'exp_search-autocomplete' } });

    stack.advanceClock(61); // stale now; GrowthBook has since deleted it
    stack.simulator!.inject({ status: 400, body: { message: 'Could not find experiment with that id' }, pathIncludes: path });
    const gone = await stack.query<Json>(query);
    expect(gone.data).toEqual({ experiment: null });
    expect(gone.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(stack.logLines.some((l) => l.includes('served stale data'))).toBe(false);

    await stack.query<Json>(query);
    expect(calls(path)).toHaveLength(2); // the absence came from the cache
  });

  it('follows hasMore/nextOffset up to the page cap', async () => {
    await stack.close();
    stack = await startExperimentsStack({ simulator: { maxLimit: 2 }, growthbook: { maxPages: 3 } });
    const all = await stack.query<Json>('{ experiments(includeArchived: true, first: 100) { totalCount } }');
    // 11 experiments at 2 a page need 6 pages; the cap of 3 stops at 6 experiments and says so in the log.
    expect(all.data!.experiments.totalCount).toBe(6);
    expect(calls('/api/v1/experiments').map((r) => r.query.offset)).toEqual(['0', '2', '4']);
    expect(stack.logLines.some((l) => l.includes('raise GROWTHBOOK_MAX_PAGES'))).toBe(true);

    const cart = await stack.query<Json>('{ entity(ref: "component:default/cart") { ... on Component { featureFlags(includeArchived: true) { key } } } }');
    expect(cart.data!.entity.featureFlags).toHaveLength(4); // two pages of two
  });
});
