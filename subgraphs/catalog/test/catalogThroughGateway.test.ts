import path from 'node:path';
import { startStack, type Stack } from '../../../test/support/startStack';

/** The descriptor-format fixtures (valid, invalid, broken files) live with @devgraph/catalog-model. */
const fixture = (name: string) => path.join(__dirname, '../../../packages/catalog-model/test/fixtures', name);

describe('catalog through the gateway (demo organisation)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers the README query: owner members\' emails and the system\'s domain', async () => {
    const result = await stack.query<{ entity: { owner: { ref: string; members: { email: string }[] }; system: { ref: string; domain: { name: string } } } }>(`{
      entity(ref: "component:default/checkout") {
        ... on Component { owner { ... on Group { ref members { email } } } system { ref domain { name } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.entity.owner.ref).toBe('group:default/checkout-orders');
    expect(result.data?.entity.system).toEqual({ ref: 'system:default/ordering', domain: { name: 'shopping' } });
    expect(result.data?.entity.owner.members.map((m) => m.email).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[a-z.]+@fernhollow\.com$/)]),
    );
  });

  it('resolves relations in both directions', async () => {
    const result = await stack.query<Record<string, { [k: string]: { ref: string }[] | { ref: string } | null }>>(`{
      checkout: entity(ref: "component:default/checkout") { ... on Component { dependsOn { ref } } }
      cart: entity(ref: "component:default/cart") { ... on Component { dependents { ref } } }
      orderEvents: entity(ref: "api:default/order-events") { ... on Api { providers { ref } consumers { ref } } }
      team: entity(ref: "group:default/checkout-orders") { ... on Group { owns { ref } parent { ref } members { ref } } }
      dept: entity(ref: "group:default/buyer-engineering") { ... on Group { children { ref } } }
      ordering: entity(ref: "system:default/ordering") { ... on System { components { ref } } }
      payments: entity(ref: "component:default/payments") { ... on Component { subcomponents { ref } } }
    }`);
    expect(result.errors).toBeUndefined();
    const refs = (value: unknown) => (value as { ref: string }[]).map((e) => e.ref);
    const d = result.data!;
    expect(refs(d.checkout!.dependsOn)).toContain('component:default/cart');
    expect(refs(d.cart!.dependents)).toContain('component:default/checkout');
    expect(refs(d.orderEvents!.providers)).toEqual(['component:default/orders']);
    expect(refs(d.orderEvents!.consumers)).toEqual(expect.arrayContaining(['component:default/inventory', 'component:default/payouts']));
    expect(refs(d.team!.owns)).toEqual(expect.arrayContaining(['component:default/checkout', 'component:default/legacy-coupons']));
    expect(d.team!.parent).toEqual({ ref: 'group:default/buyer-engineering' });
    expect(refs(d.team!.members).length).toBeGreaterThan(0);
    expect(refs(d.dept!.children)).toEqual(expect.arrayContaining(['group:default/checkout-orders', 'group:default/web-experience']));
    expect(refs(d.ordering!.components)).toContain('component:default/checkout');
    expect(refs(d.payments!.subcomponents)).toEqual(['component:default/fraud-check']);
  });

  it('resolves an owner that is a User, and null tool fields where annotations are absent', async () => {
    const result = await stack.query<Record<string, Record<string, unknown>>>(`{
      recs: entity(ref: "component:default/recommendations") { ... on Component { owner { __typename ... on User { email memberOf { ref } } } pagerdutyServiceId growthbookProject } }
      legacy: entity(ref: "component:default/legacy-coupons") { ... on Component { githubProjectSlug pagerdutyServiceId growthbookProject annotations { key } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.recs).toMatchObject({ owner: { __typename: 'User', email: expect.stringContaining('@fernhollow.com') }, pagerdutyServiceId: null, growthbookProject: 'prj_recommendations' });
    expect(result.data?.legacy).toEqual({ githubProjectSlug: null, pagerdutyServiceId: null, growthbookProject: null, annotations: [] });
  });

  it('gives NOT_FOUND for an unknown entity and BAD_USER_INPUT for a malformed ref, with the rest of the query intact', async () => {
    const result = await stack.query(`{
      missing: entity(ref: "component:default/does-not-exist") { ref }
      malformed: entity(ref: "no-kind-here") { ref }
      fine: entity(ref: "component:default/cart") { ref }
    }`);
    expect(result.data).toEqual({ missing: null, malformed: null, fine: { ref: 'component:default/cart' } });
    const byPath = Object.fromEntries((result.errors ?? []).map((e) => [e.path?.[0], e]));
    expect(byPath.missing?.extensions?.code).toBe('NOT_FOUND');
    expect(byPath.missing?.message).toContain('component:default/does-not-exist');
    expect(byPath.malformed?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages through every component with cursors, matching totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 20; page++) {
      const result: { data?: { entities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { ref: string }[] } } | null } = await stack.query(
        'query($after: String) { entities(filter: { kind: ["component"] }, first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ref } } }',
        { after },
      );
      const connection = result.data!.entities;
      total = connection.totalCount;
      seen.push(...connection.nodes.map((n) => n.ref));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(total).toBe(16);
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);
    expect([...seen].sort()).toEqual(seen);
  });

  it('filters by owner, lifecycle and text', async () => {
    const result = await stack.query<{ a: { nodes: { ref: string }[] }; b: { totalCount: number; nodes: { ref: string }[] } }>(`{
      a: entities(filter: { kind: ["Component"], owner: "money-movement", lifecycle: "production" }) { nodes { ref } }
      b: entities(filter: { text: "coupon" }) { totalCount nodes { ref } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.a.nodes.map((n) => n.ref)).toEqual(['component:default/fraud-check', 'component:default/payments', 'component:default/payouts']);
    expect(result.data?.b.nodes.map((n) => n.ref)).toContain('component:default/legacy-coupons');
  });

  it('rejects a bad cursor or page size as BAD_USER_INPUT', async () => {
    const result = await stack.query('{ a: entities(after: "garbage!") { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await stack.query('{ entities(first: 100000) { totalCount } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toContain('between 0 and 500');
  });

  it('reports no problems for the demo organisation', async () => {
    const result = await stack.query<{ catalogProblems: unknown[] }>('{ catalogProblems { kind message } }');
    expect(result.data?.catalogProblems).toEqual([]);
  });
});

describe('catalog through the gateway (broken input)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ catalogPaths: [fixture('dangling.yaml'), fixture('broken-yaml.yaml'), fixture('invalid'), fixture('no-such-dir/*.yaml')] });
  });
  afterAll(() => stack.close());

  it('keeps serving, lists every problem with its location, and nulls dangling relations without an error', async () => {
    const result = await stack.query<{
      catalogProblems: { kind: string; location: string | null; documentIndex: number | null; line: number | null; entityRef: string | null; message: string }[];
      entity: { ownerRef: string; owner: null; system: null };
    }>(`{
      catalogProblems { kind location documentIndex line entityRef message }
      entity(ref: "component:default/orphan") { ... on Component { ownerRef owner { __typename } system { ref } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.entity).toEqual({ ownerRef: 'group:default/team-ghost', owner: null, system: null });
    const problems = result.data!.catalogProblems;
    const kinds = new Set(problems.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['DANGLING_REFERENCE', 'INVALID_YAML', 'INVALID_ENTITY', 'UNREADABLE_SOURCE']));
    const dangling = problems.find((p) => p.kind === 'DANGLING_REFERENCE' && p.message.includes('team-ghost'));
    expect(dangling).toMatchObject({ entityRef: 'component:default/orphan', location: fixture('dangling.yaml'), documentIndex: 0 });
    const yaml = problems.find((p) => p.kind === 'INVALID_YAML');
    expect(yaml).toMatchObject({ location: fixture('broken-yaml.yaml'), documentIndex: 1, line: expect.any(Number) });
    expect(problems.find((p) => p.kind === 'UNREADABLE_SOURCE')?.message).toContain('no-such-dir');
  });

  it('still serves the valid neighbours of a broken YAML document', async () => {
    const result = await stack.query<{ entities: { nodes: { ref: string; source: { location: string; documentIndex: number } }[] } }>(
      '{ entities(first: 500) { nodes { ref source { location documentIndex } } } }',
    );
    const fromBroken = result.data!.entities.nodes.filter((n) => n.source.location === fixture('broken-yaml.yaml'));
    expect(fromBroken.map((n) => n.source.documentIndex).sort()).toEqual([0, 2]);
  });
});
