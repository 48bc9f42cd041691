import { makeEntity } from '../testing/makeEntity';
import { createCatalogIndex } from './createCatalogIndex';
import type { CatalogProblem } from '../types';

function buildOrg() {
  return [
    makeEntity({ kind: 'Group', name: 'platform', spec: { children: ['team-a'] } }),
    makeEntity({ kind: 'Group', name: 'team-a', spec: { parent: 'platform', members: ['alice'] } }),
    makeEntity({ kind: 'User', name: 'alice', spec: { memberOf: ['team-a'] } }),
    makeEntity({ kind: 'User', name: 'bob', spec: { memberOf: ['team-a'] } }),
    makeEntity({ kind: 'System', name: 'payments', spec: { domain: 'commerce' } }),
    makeEntity({ kind: 'Domain', name: 'commerce' }),
    makeEntity({ kind: 'Component', name: 'payments', spec: { system: 'payments', providesApis: ['payments-api'], dependsOn: ['resource:payments-db'] } }),
    makeEntity({ kind: 'Component', name: 'web', spec: { owner: 'user:alice', consumesApis: ['payments-api'], dependsOn: ['component:payments'] } }),
    makeEntity({ kind: 'API', name: 'payments-api', spec: { system: 'payments' } }),
    makeEntity({ kind: 'Resource', name: 'payments-db', spec: { system: 'payments' } }),
  ];
}

describe('createCatalogIndex: relations', () => {
  const index = createCatalogIndex(buildOrg());

  it('computes every relation pair in both directions', () => {
    expect(index.relatedRefs('component:default/payments', 'ownedBy')).toEqual(['group:default/team-a']);
    expect(index.relatedRefs('group:default/team-a', 'ownerOf')).toEqual([
      'api:default/payments-api',
      'component:default/payments',
      'domain:default/commerce',
      'resource:default/payments-db',
      'system:default/payments',
    ]);
    expect(index.relatedRefs('user:default/alice', 'ownerOf')).toEqual(['component:default/web']);
    expect(index.relatedRefs('system:default/payments', 'hasPart')).toEqual([
      'api:default/payments-api',
      'component:default/payments',
      'resource:default/payments-db',
    ]);
    expect(index.relatedRefs('system:default/payments', 'partOf')).toEqual(['domain:default/commerce']);
    expect(index.relatedRefs('domain:default/commerce', 'hasPart')).toEqual(['system:default/payments']);
    expect(index.relatedRefs('api:default/payments-api', 'apiProvidedBy')).toEqual(['component:default/payments']);
    expect(index.relatedRefs('api:default/payments-api', 'apiConsumedBy')).toEqual(['component:default/web']);
    expect(index.relatedRefs('component:default/web', 'consumesApi')).toEqual(['api:default/payments-api']);
    expect(index.relatedRefs('component:default/payments', 'dependencyOf')).toEqual(['component:default/web']);
    expect(index.relatedRefs('resource:default/payments-db', 'dependencyOf')).toEqual(['component:default/payments']);
  });

  it('merges memberOf/hasMember and childOf/parentOf declared from either side, without duplicates', () => {
    // alice is listed by the group AND lists the group; bob only lists the group.
    expect(index.relatedRefs('group:default/team-a', 'hasMember')).toEqual(['user:default/alice', 'user:default/bob']);
    expect(index.relatedRefs('user:default/alice', 'memberOf')).toEqual(['group:default/team-a']);
    expect(index.relatedRefs('group:default/team-a', 'childOf')).toEqual(['group:default/platform']);
    expect(index.relatedRefs('group:default/platform', 'parentOf')).toEqual(['group:default/team-a']);
    expect(index.get('user:default/alice')?.relations).toEqual([
      { type: 'ownerOf', targetRef: 'component:default/web' },
      { type: 'memberOf', targetRef: 'group:default/team-a' },
    ]);
  });

  it('fills relations on frozen copies and leaves the input entities untouched', () => {
    const input = buildOrg();
    const built = createCatalogIndex(input);
    expect(input.every((e) => e.relations.length === 0)).toBe(true);
    const web = built.get('component:default/web');
    expect(Object.isFrozen(web)).toBe(true);
    expect(Object.isFrozen(web?.relations)).toBe(true);
    expect(Object.isFrozen(built)).toBe(true);
  });

  it('finds an entity by ref in any case and returns undefined for unknown or malformed refs', () => {
    expect(index.get('Component:Default/Payments')?.metadata.name).toBe('payments');
    expect(index.get('api:payments-api')?.ref).toBe('api:default/payments-api');
    expect(index.get('component:default/nope')).toBeUndefined();
    expect(index.get('payments')).toBeUndefined();
    expect(index.get(':bad')).toBeUndefined();
    expect(index.related('not a ref', 'ownedBy')).toEqual([]);
    expect(index.size).toBe(10);
  });

  it('resolves related entities in target-ref order', () => {
    expect(index.related('group:default/team-a', 'hasMember').map((e) => e.ref)).toEqual(['user:default/alice', 'user:default/bob']);
    expect(index.related('Group:default/team-a', 'ownerOf').map((e) => e.kind)).toEqual(['API', 'Component', 'Domain', 'Resource', 'System']);
  });
});

describe('createCatalogIndex: problems', () => {
  const readerProblem: CatalogProblem = { kind: 'INVALID_YAML', location: '/catalog/bad.yaml', documentIndex: 1, line: 3, message: 'bad' };

  it('reports each dangling target once, keeps it in relatedRefs and skips it in related', () => {
    const index = createCatalogIndex(
      [
        makeEntity({ kind: 'Group', name: 'team-a' }),
        makeEntity({ kind: 'Component', name: 'orphan', namespace: 'billing', spec: { owner: 'team-a', dependsOn: ['resource:ghost-db'] } }, 4),
      ],
      [readerProblem],
    );
    expect(index.problems).toEqual([
      readerProblem,
      {
        kind: 'DANGLING_REFERENCE',
        location: '/catalog/test.yaml',
        documentIndex: 4,
        line: 1,
        entityRef: 'component:billing/orphan',
        message: 'Component "orphan": spec.owner refers to group:billing/team-a, which is not in the catalog',
      },
      expect.objectContaining({ entityRef: 'component:billing/orphan', message: expect.stringContaining('spec.dependsOn[0] refers to resource:billing/ghost-db') }),
    ]);
    expect(index.relatedRefs('component:billing/orphan', 'ownedBy')).toEqual(['group:billing/team-a']);
    expect(index.related('component:billing/orphan', 'ownedBy')).toEqual([]);
    expect(index.get('component:billing/orphan')?.relations).toContainEqual({ type: 'dependsOn', targetRef: 'resource:billing/ghost-db' });
  });

  it('keeps the first of two entities with the same ref and reports the second', () => {
    const first = makeEntity({ kind: 'Component', name: 'dup', description: 'first' }, 0);
    const second = makeEntity({ kind: 'component', name: 'DUP', description: 'second' }, 7);
    const index = createCatalogIndex([first, second, makeEntity({ kind: 'Group', name: 'team-a' })]);
    expect(index.get('component:default/dup')?.metadata.description).toBe('first');
    expect(index.problems).toEqual([
      expect.objectContaining({ kind: 'DUPLICATE_REF', documentIndex: 7, entityRef: 'component:default/dup', message: expect.stringContaining('kept /catalog/test.yaml (document 0, line 1), ignored /catalog/test.yaml (document 7, line 1)') }),
    ]);
  });

  it('reports a spec ref it cannot use as INVALID_ENTITY and keeps the entity', () => {
    const index = createCatalogIndex([makeEntity({ kind: 'Group', name: 'team-a' }), makeEntity({ kind: 'Component', name: 'web', spec: { dependsOn: ['payments'] } })]);
    expect(index.get('component:default/web')).toBeDefined();
    expect(index.problems).toEqual([
      expect.objectContaining({ kind: 'INVALID_ENTITY', entityRef: 'component:default/web', message: expect.stringContaining('spec.dependsOn[0]: Entity ref "payments" has no kind') }),
    ]);
  });
});
