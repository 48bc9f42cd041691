import path from 'node:path';
import { startStack, type Stack } from '../../../test/support/startStack';

/** test/fixtures/graph: web -> gateway -> orders -> (orders-db, billing -> orders), web and reports
 *  consume orders-api (provided by orders); groups org > eng > team-a, team-b and a loop-x/loop-y cycle. */
const GRAPH = path.join(__dirname, 'fixtures', 'graph');

type Ref = { ref: string };
type Hit = { entity: Ref; depth: number; path: Ref[] };
const refs = (list: Ref[]) => list.map((e) => e.ref);
const hits = (list: Hit[]) => list.map((h) => `${h.depth} ${h.entity.ref} via ${h.path.map((e) => e.ref.split('/')[1]).join('>')}`);

describe('graph queries through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ catalogPaths: [GRAPH] });
  });
  afterAll(() => stack.close());

  const query = async <T>(q: string, variables?: Record<string, unknown>) => {
    const result = await stack.query<T>(q, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  it('walks dependents (blast radius) through dependsOn and APIs, each once at its shortest depth, with paths', async () => {
    const d = await query<Record<string, { dependents: Ref[]; dependentPaths: Hit[] }>>(`{
      one: entity(ref: "resource:default/orders-db") { dependents { ref } }
      all: entity(ref: "resource:default/orders-db") { dependentPaths(depth: 10) { depth entity { ref } path { ref } } }
      components: entity(ref: "resource:default/orders-db") { dependents(depth: 3, kinds: ["Component"]) { ref } }
    }`);
    expect(refs(d.one!.dependents)).toEqual(['component:default/orders']);
    expect(hits(d.all!.dependentPaths)).toEqual([
      '1 component:default/orders via orders-db>orders',
      '2 api:default/orders-api via orders-db>orders>orders-api',
      '2 component:default/billing via orders-db>orders>billing',
      '2 component:default/gateway via orders-db>orders>gateway',
      '3 component:default/reports via orders-db>orders>orders-api>reports',
      '3 component:default/web via orders-db>orders>orders-api>web',
    ]);
    expect(refs(d.components!.dependents)).toEqual(['component:default/orders', 'component:default/billing', 'component:default/gateway', 'component:default/reports', 'component:default/web']);
  });

  it('walks dependencies at several depths, and is the exact reverse of dependents', async () => {
    const d = await query<Record<string, { dependencies: Ref[]; dependencyPaths?: Hit[] }>>(`{
      d1: entity(ref: "component:default/web") { ... on Component { dependencies { ref } } }
      d2: entity(ref: "component:default/web") { ... on Component { dependencies(depth: 2) { ref } } }
      d3: entity(ref: "component:default/web") { ... on Component { dependencies(depth: 3) { ref } dependencyPaths(depth: 3, kinds: ["resource"]) { depth entity { ref } path { ref } } } }
    }`);
    expect(refs(d.d1!.dependencies)).toEqual(['api:default/orders-api', 'component:default/gateway']);
    expect(refs(d.d2!.dependencies)).toEqual(['api:default/orders-api', 'component:default/gateway', 'component:default/orders']);
    expect(refs(d.d3!.dependencies)).toEqual(['api:default/orders-api', 'component:default/gateway', 'component:default/orders', 'component:default/billing', 'resource:default/orders-db']);
    expect(hits(d.d3!.dependencyPaths!)).toEqual(['3 resource:default/orders-db via web>orders-api>orders>orders-db']);
  });

  it('ends a walk at a cycle instead of looping, and never lists the start entity', async () => {
    const d = await query<Record<string, { dependencies: Ref[]; dependents: Ref[] }>>(`{
      orders: entity(ref: "component:default/orders") { ... on Component { dependencies(depth: 10) { ref } dependents(depth: 10) { ref } } }
    }`);
    expect(refs(d.orders!.dependencies)).toEqual(['component:default/billing', 'resource:default/orders-db']);
    expect(refs(d.orders!.dependents)).toEqual(['api:default/orders-api', 'component:default/billing', 'component:default/gateway', 'component:default/reports', 'component:default/web']);
  });

  it('keeps the argument-less dependents field working and rejects a depth outside 1..10 as BAD_USER_INPUT', async () => {
    const ok = await query<{ entity: { dependents: Ref[] } }>('{ entity(ref: "component:default/gateway") { ... on Component { dependents { ref } } } }');
    expect(refs(ok.entity.dependents)).toEqual(['component:default/web']);
    const result = await stack.query('{ a: entity(ref: "component:default/web") { dependents(depth: 11) { ref } } b: entity(ref: "component:default/web") { ref } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('depth must be between 1 and 10, got 11');
    expect(result.data).toEqual({ a: null, b: { ref: 'component:default/web' } });
  });

  it('lists what a group owns with its sub-groups, surviving a parent cycle', async () => {
    const d = await query<Record<string, { owns: Ref[] }>>(`{
      direct: entity(ref: "group:default/eng") { ... on Group { owns { ref } } }
      org: entity(ref: "group:default/org") { ... on Group { owns(recursive: true) { ref } } }
      loop: entity(ref: "group:default/loop-y") { ... on Group { owns(recursive: true) { ref } } }
    }`);
    expect(refs(d.direct!.owns)).toEqual(['system:default/shop']);
    expect(refs(d.org!.owns)).toEqual([
      'api:default/orders-api', 'component:default/billing', 'component:default/gateway', 'component:default/orders', 'component:default/web',
      'domain:default/commerce', 'resource:default/orders-db', 'system:default/infra', 'system:default/shop',
    ]);
    expect(refs(d.loop!.owns)).toEqual(['component:default/reports']);
  });

  it("lists the APIs a system's components consume and provide", async () => {
    const d = await query<Record<string, { consumedApis: Ref[]; providedApis: Ref[] }>>(`{
      shop: entity(ref: "system:default/shop") { ... on System { consumedApis { ref } providedApis { ref } } }
      infra: entity(ref: "system:default/infra") { ... on System { consumedApis { ref } providedApis { ref } } }
    }`);
    expect(d.shop).toEqual({ consumedApis: [{ ref: 'api:default/orders-api' }], providedApis: [{ ref: 'api:default/orders-api' }] });
    expect(d.infra).toEqual({ consumedApis: [], providedApis: [] });
  });

  it('filters by domain, annotation, annotation value and owner through the group hierarchy, combined with AND', async () => {
    const d = await query<Record<string, { totalCount: number; nodes: Ref[] }>>(`{
      domain: entities(filter: { domain: "commerce" }) { totalCount nodes { ref } }
      annotated: entities(filter: { annotation: "pagerduty.com/service-id" }) { totalCount nodes { ref } }
      valued: entities(filter: { annotation: "pagerduty.com/service-id", annotationValue: "PGW" }) { totalCount nodes { ref } }
      exactOwner: entities(filter: { owner: "eng" }) { totalCount nodes { ref } }
      subgroups: entities(filter: { owner: "eng", ownerIncludingSubgroups: true, kind: ["component"], lifecycle: "production" }) { totalCount nodes { ref } }
      combined: entities(filter: { domain: "commerce", tag: "typescript", text: "GATE" }) { totalCount nodes { ref } }
    }`);
    expect(refs(d.domain!.nodes)).toEqual(['api:default/orders-api', 'component:default/gateway', 'component:default/orders', 'component:default/web', 'system:default/shop']);
    expect(refs(d.annotated!.nodes)).toEqual(['component:default/gateway', 'component:default/web']);
    expect(refs(d.valued!.nodes)).toEqual(['component:default/gateway']);
    expect(refs(d.exactOwner!.nodes)).toEqual(['system:default/shop']);
    expect(refs(d.subgroups!.nodes)).toEqual(['component:default/gateway', 'component:default/orders', 'component:default/web']);
    expect(d.combined).toEqual({ totalCount: 1, nodes: [{ ref: 'component:default/gateway' }] });
  });

  it('rejects an annotation value without its key as BAD_USER_INPUT', async () => {
    const result = await stack.query('{ entities(filter: { annotationValue: "PGW" }) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('filter.annotationValue needs filter.annotation');
  });

  it('pages a filtered listing with stable cursors and a constant totalCount', async () => {
    const seen: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: { entities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Ref }[] } } = await query(
        'query($after: String) { entities(filter: { owner: "org", ownerIncludingSubgroups: true }, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ref } } } }',
        { after },
      );
      totals.add(data.entities.totalCount);
      seen.push(...data.entities.edges.map((e) => e.node.ref));
      // The shared cursor codec: each cursor names its entity's ref, so it survives reloads.
      expect(data.entities.edges.map((e) => Buffer.from(e.cursor, 'base64url').toString())).toEqual(data.entities.edges.map((e) => `entity:${e.node.ref}`));
      if (!data.entities.pageInfo.hasNextPage) break;
      after = data.entities.pageInfo.endCursor;
    }
    expect([...totals]).toEqual([9]);
    expect(seen).toHaveLength(9);
    expect(seen).toEqual([...seen].sort());
  });

  it('counts facets, by count then value, respecting the filter', async () => {
    const d = await query<Record<string, { value: string; count: number }[]>>(`{
      kind: entityFacets(field: KIND) { value count }
      owner: entityFacets(field: OWNER, filter: { kind: ["component"] }) { value count }
      tag: entityFacets(field: TAG, filter: { system: "shop" }) { value count }
      domain: entityFacets(field: DOMAIN) { value count }
      lifecycle: entityFacets(field: LIFECYCLE, filter: { owner: "eng", ownerIncludingSubgroups: true }) { value count }
    }`);
    expect(d.kind).toEqual([
      { value: 'group', count: 6 }, { value: 'component', count: 5 }, { value: 'system', count: 2 },
      { value: 'api', count: 1 }, { value: 'domain', count: 1 }, { value: 'resource', count: 1 }, { value: 'user', count: 1 },
    ]);
    expect(d.owner).toEqual([{ value: 'group:default/team-a', count: 2 }, { value: 'group:default/team-b', count: 2 }, { value: 'group:default/loop-x', count: 1 }]);
    expect(d.tag).toEqual([{ value: 'typescript', count: 2 }, { value: 'frontend', count: 1 }, { value: 'java', count: 1 }]);
    expect(d.domain).toEqual([{ value: 'domain:default/commerce', count: 5 }]);
    expect(d.lifecycle).toEqual([{ value: 'production', count: 4 }, { value: 'experimental', count: 1 }]);
  });
});
