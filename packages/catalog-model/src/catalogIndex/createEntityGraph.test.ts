import { makeEntity } from '../testing/makeEntity';
import { createCatalogIndex } from './createCatalogIndex';

/** db <- api-impl (provides api) <- api consumers; a dependsOn cycle between svc-a and svc-b. */
const index = createCatalogIndex([
  makeEntity({ kind: 'Group', name: 'team-a', spec: { children: ['team-b'] } }),
  makeEntity({ kind: 'Group', name: 'team-b', spec: { parent: 'team-a', children: ['team-a'] } }),
  makeEntity({ kind: 'System', name: 'shop' }),
  makeEntity({ kind: 'Resource', name: 'db' }),
  makeEntity({ kind: 'API', name: 'orders-api', spec: { system: 'shop' } }),
  makeEntity({ kind: 'Component', name: 'orders', spec: { owner: 'team-b', system: 'shop', providesApis: ['orders-api'], dependsOn: ['resource:db', 'component:ghost'] } }),
  makeEntity({ kind: 'Component', name: 'web', spec: { system: 'shop', consumesApis: ['orders-api', 'ghost-api'] } }),
  makeEntity({ kind: 'Component', name: 'svc-a', spec: { dependsOn: ['component:svc-b'] } }),
  makeEntity({ kind: 'Component', name: 'svc-b', spec: { dependsOn: ['component:svc-a', 'component:web'] } }),
]);
const walk = (ref: string, direction: 'dependencies' | 'dependents', depth: number, kinds?: string[]) =>
  index.traverse(ref, direction, { depth, kinds }).map((hit) => `${hit.depth} ${hit.entity.ref} ${hit.path.map((e) => e.metadata.name).join('>')}`);

describe('CatalogIndex.traverse', () => {
  it('follows dependencyOf, providesApi and apiConsumedBy for dependents', () => {
    expect(walk('resource:db', 'dependents', 10)).toEqual([
      '1 component:default/orders db>orders',
      '2 api:default/orders-api db>orders>orders-api',
      '3 component:default/web db>orders>orders-api>web',
      '4 component:default/svc-b db>orders>orders-api>web>svc-b',
      '5 component:default/svc-a db>orders>orders-api>web>svc-b>svc-a',
    ]);
  });

  it('follows dependsOn, consumesApi and apiProvidedBy for dependencies, skipping dangling refs', () => {
    expect(walk('component:svc-a', 'dependencies', 10)).toEqual([
      '1 component:default/svc-b svc-a>svc-b',
      '2 component:default/web svc-a>svc-b>web',
      '3 api:default/orders-api svc-a>svc-b>web>orders-api',
      '4 component:default/orders svc-a>svc-b>web>orders-api>orders',
      '5 resource:default/db svc-a>svc-b>web>orders-api>orders>db',
    ]);
  });

  it('narrows results by kind without narrowing the walk, and answers [] for an unknown ref', () => {
    expect(walk('component:svc-a', 'dependencies', 10, ['resource'])).toEqual(['5 resource:default/db svc-a>svc-b>web>orders-api>orders>db']);
    expect(walk('component:nope', 'dependents', 3)).toEqual([]);
    expect(() => walk('component:nope', 'dependents', 11)).toThrow(RangeError);
  });
});

describe('CatalogIndex.owned and systemApis', () => {
  it('adds what descendant groups own when recursive, surviving a parent/child cycle', () => {
    const refs = (recursive: boolean) => index.owned('group:default/team-a', { recursive }).map((e) => e.ref);
    expect(refs(false)).toEqual(['api:default/orders-api', 'component:default/svc-a', 'component:default/svc-b', 'component:default/web', 'resource:default/db', 'system:default/shop']);
    expect(refs(true)).toEqual([
      'api:default/orders-api', 'component:default/orders', 'component:default/svc-a', 'component:default/svc-b', 'component:default/web', 'resource:default/db', 'system:default/shop',
    ]);
    expect(index.owned('user:default/nobody', { recursive: true })).toEqual([]);
  });

  it("lists the existing APIs a system's components consume or provide, once each", () => {
    expect(index.systemApis('system:shop', 'consumesApi').map((e) => e.ref)).toEqual(['api:default/orders-api']);
    expect(index.systemApis('system:shop', 'providesApi').map((e) => e.ref)).toEqual(['api:default/orders-api']);
    expect(index.systemApis('system:ghost', 'providesApi')).toEqual([]);
  });
});
