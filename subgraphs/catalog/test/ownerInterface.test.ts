import path from 'node:path';
import { DEMO_CATALOG_PATH } from '../src/config';
import { startScmStack, type ScmStack } from '../../scm/test/startScmStack';
import { startCatalogStack, type CatalogStack } from './startCatalogStack';

/** A component whose spec.owner names another component: Backstage allows it, `Owner` does not. */
const COMPONENT_OWNER = path.join(__dirname, 'fixtures', 'owners', 'component-owner.yaml');

// In the demo organisation checkout is owned by a team and recommendations by a person.
const CHECKOUT = 'component:default/checkout';
const RECOMMENDATIONS = 'component:default/recommendations';

type Owned = { entity: { owner: Record<string, unknown> | null } };

describe('Owner interface through the gateway', () => {
  let stack: CatalogStack;
  beforeAll(async () => {
    stack = await startCatalogStack({ catalogPaths: [DEMO_CATALOG_PATH, COMPONENT_OWNER] });
  });
  afterAll(() => stack.close());

  const ownerOf = async (ref: string, selection: string) => {
    const result = await stack.query<Owned>(`query($ref: ID!) { entity(ref: $ref) { ... on Component { owner { ${selection} } } } }`, { ref });
    expect(result.errors).toBeUndefined();
    return result.data!.entity.owner;
  };

  it('answers the shared fields without a fragment, for a team owner and a person owner', async () => {
    const selection = '__typename ref kind name namespace displayName email';
    expect(await ownerOf(CHECKOUT, selection)).toEqual({
      __typename: 'Group',
      ref: 'group:default/checkout-orders',
      kind: 'Group',
      name: 'checkout-orders',
      namespace: 'default',
      displayName: 'Checkout & Orders',
      email: 'checkout-orders@fernhollow.com',
    });
    expect(await ownerOf(RECOMMENDATIONS, selection)).toEqual({
      __typename: 'User',
      ref: 'user:default/sofia.ferreira',
      kind: 'User',
      name: 'sofia.ferreira',
      namespace: 'default',
      displayName: 'Sofia Ferreira',
      email: 'sofia.ferreira@fernhollow.com',
    });
  });

  it('returns the same data through the old `... on Group` / `... on User` fragments, type-only fields included', async () => {
    const fragments = `__typename
      ... on Group { ref displayName email members { ref } }
      ... on User { ref displayName email memberOf { ref } }`;
    const group = await ownerOf(CHECKOUT, fragments);
    expect(group).toMatchObject({ __typename: 'Group', ref: 'group:default/checkout-orders', displayName: 'Checkout & Orders', email: 'checkout-orders@fernhollow.com' });
    expect((group!.members as { ref: string }[]).length).toBeGreaterThan(0);
    expect(group).not.toHaveProperty('memberOf');
    const user = await ownerOf(RECOMMENDATIONS, fragments);
    expect(user).toEqual({
      __typename: 'User',
      ref: 'user:default/sofia.ferreira',
      displayName: 'Sofia Ferreira',
      email: 'sofia.ferreira@fernhollow.com',
      memberOf: [{ ref: 'group:default/search-discovery' }],
    });
  });

  it('mixes interface fields with a type fragment, and spreads `... on Entity` inside owner', async () => {
    const owner = await ownerOf(CHECKOUT, 'ref email ... on Group { parent { ref } } ... on Entity { title annotation(key: "github.com/team-slug") }');
    expect(owner).toEqual({
      ref: 'group:default/checkout-orders',
      email: 'checkout-orders@fernhollow.com',
      parent: { ref: 'group:default/buyer-engineering' },
      title: 'Checkout & Orders',
      annotation: 'fernhollow/checkout-orders',
    });
  });

  it('lists what the owner owns through the interface, whichever kind it is', async () => {
    const team = await ownerOf(CHECKOUT, 'owns { ref }');
    expect((team!.owns as { ref: string }[]).map((e) => e.ref)).toContain(CHECKOUT);
    const person = await ownerOf(RECOMMENDATIONS, 'owns { ref }');
    expect((person!.owns as { ref: string }[]).map((e) => e.ref)).toContain(RECOMMENDATIONS);
  });

  it('gives a null owner, not an error, when spec.owner names an entity that is neither a Group nor a User', async () => {
    const result = await stack.query<{ entity: { ownerRef: string; owner: unknown } }>(
      '{ entity(ref: "component:default/owned-by-a-component") { ... on Component { ownerRef owner { __typename ref } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.entity).toEqual({ ownerRef: CHECKOUT, owner: null });
  });

  it('publishes Owner as an interface that Group and User implement, itself an Entity', async () => {
    const result = await stack.query<{ __type: { kind: string; interfaces: { name: string }[]; possibleTypes: { name: string }[] } }>(
      '{ __type(name: "Owner") { kind interfaces { name } possibleTypes { name } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.__type.kind).toBe('INTERFACE');
    expect(result.data?.__type.interfaces).toEqual([{ name: 'Entity' }]);
    expect(result.data?.__type.possibleTypes.map((t) => t.name).sort()).toEqual(['Group', 'User']);
  });
});

describe('Owner interface with a subgraph that extends Group and User (scm)', () => {
  let stack: ScmStack;
  beforeAll(async () => {
    stack = await startScmStack();
  });
  afterAll(() => stack.close());

  it('combines interface fields from the catalog with Group/User fields another subgraph adds', async () => {
    const result = await stack.query<{ team: Owned['entity']; person: Owned['entity'] }>(`{
      team: entity(ref: "${CHECKOUT}") { ... on Component { owner { ref displayName ... on Group { githubTeam { combinedSlug } } ... on User { githubLogin } } } }
      person: entity(ref: "${RECOMMENDATIONS}") { ... on Component { owner { ref displayName ... on Group { githubTeam { combinedSlug } } ... on User { githubLogin } } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.team.owner).toEqual({ ref: 'group:default/checkout-orders', displayName: 'Checkout & Orders', githubTeam: { combinedSlug: 'fernhollow/checkout-orders' } });
    expect(result.data?.person.owner).toEqual({ ref: 'user:default/sofia.ferreira', displayName: 'Sofia Ferreira', githubLogin: 'sofiaferreira-ml' });
  });
});
