import { makeEntity } from '../testing/makeEntity';
import { entityRelations } from './entityRelations';

const pairs = (result: ReturnType<typeof entityRelations>) =>
  result.relations.map((r) => `${r.field} ${r.type}/${r.reverseType} ${r.targetRef}`);

describe('entityRelations', () => {
  it('gives a Component every relation Backstage emits, with the default kind per field', () => {
    const component = makeEntity({
      kind: 'Component',
      name: 'payments',
      spec: {
        owner: 'team-a',
        system: 'payments',
        subcomponentOf: 'platform',
        providesApis: ['payments-api'],
        consumesApis: ['ledger-api'],
        dependsOn: ['resource:payments-db', 'component:auth'],
        dependencyOf: ['component:checkout'],
      },
    });
    expect(pairs(entityRelations(component))).toEqual([
      'spec.owner ownedBy/ownerOf group:default/team-a',
      'spec.subcomponentOf partOf/hasPart component:default/platform',
      'spec.providesApis[0] providesApi/apiProvidedBy api:default/payments-api',
      'spec.consumesApis[0] consumesApi/apiConsumedBy api:default/ledger-api',
      'spec.dependsOn[0] dependsOn/dependencyOf resource:default/payments-db',
      'spec.dependsOn[1] dependsOn/dependencyOf component:default/auth',
      'spec.dependencyOf[0] dependencyOf/dependsOn component:default/checkout',
      'spec.system partOf/hasPart system:default/payments',
    ]);
  });

  it("defaults the namespace to the referencing entity's own namespace, not 'default'", () => {
    const component = makeEntity({
      kind: 'Component',
      name: 'invoicing',
      namespace: 'billing',
      spec: { owner: 'team-billing', system: 'default/payments', consumesApis: ['API:Shop/Orders'], dependsOn: ['resource:ledger'] },
    });
    expect(entityRelations(component).relations.map((r) => r.targetRef)).toEqual([
      'group:billing/team-billing',
      'api:shop/orders',
      'resource:billing/ledger',
      'system:default/payments',
    ]);
  });

  it('lets an explicit kind override the default (owner: user:alice)', () => {
    const api = makeEntity({ kind: 'API', name: 'orders', spec: { owner: 'user:alice', system: 'shop' } });
    expect(pairs(entityRelations(api))).toEqual([
      'spec.owner ownedBy/ownerOf user:default/alice',
      'spec.system partOf/hasPart system:default/shop',
    ]);
  });

  it('covers Resource, System, Domain, Group and User', () => {
    const rel = (kind: string, spec: Record<string, unknown>) => pairs(entityRelations(makeEntity({ kind, name: 'x', spec })));
    expect(rel('Resource', { owner: 'team-a', system: 's', dependsOn: ['resource:disk'], dependencyOf: ['component:web'] })).toEqual([
      'spec.owner ownedBy/ownerOf group:default/team-a',
      'spec.dependsOn[0] dependsOn/dependencyOf resource:default/disk',
      'spec.dependencyOf[0] dependencyOf/dependsOn component:default/web',
      'spec.system partOf/hasPart system:default/s',
    ]);
    expect(rel('System', { owner: 'team-a', domain: 'commerce' })).toEqual([
      'spec.owner ownedBy/ownerOf group:default/team-a',
      'spec.domain partOf/hasPart domain:default/commerce',
    ]);
    expect(rel('Domain', { owner: 'team-a', subdomainOf: 'business' })).toEqual([
      'spec.owner ownedBy/ownerOf group:default/team-a',
      'spec.subdomainOf partOf/hasPart domain:default/business',
    ]);
    expect(rel('Group', { parent: 'eng', children: ['team-b'], members: ['alice'] })).toEqual([
      'spec.parent childOf/parentOf group:default/eng',
      'spec.children[0] parentOf/childOf group:default/team-b',
      'spec.members[0] hasMember/memberOf user:default/alice',
    ]);
    expect(rel('User', { memberOf: ['team-a', 'ops/oncall'] })).toEqual([
      'spec.memberOf[0] memberOf/hasMember group:default/team-a',
      'spec.memberOf[1] memberOf/hasMember group:ops/oncall',
    ]);
    expect(rel('Location', { targets: ['./a.yaml'] })).toEqual([]);
  });

  it('reports a dependsOn entry without a kind, and a ref it cannot parse, instead of throwing', () => {
    const component = makeEntity({
      kind: 'Component',
      name: 'web',
      spec: { dependsOn: ['payments-db', 'resource:cache'], consumesApis: ['api:/orders'] },
    });
    const result = entityRelations(component);
    expect(result.relations.map((r) => r.targetRef)).toEqual(['group:default/team-a', 'resource:default/cache']);
    expect(result.problems).toEqual([
      'Component "web": spec.consumesApis[0]: Entity ref "api:/orders" is not of the form [<kind>:][<namespace>/]<name>',
      'Component "web": spec.dependsOn[0]: Entity ref "payments-db" has no kind; write it as <kind>:payments-db (e.g. component:payments-db)',
    ]);
  });

  it('matches the kind case-insensitively (kind: component)', () => {
    const component = makeEntity({ kind: 'component', name: 'lower' });
    expect(entityRelations(component).relations.map((r) => r.type)).toEqual(['ownedBy']);
  });
});

describe('entityRelations with relations a source declared', () => {
  it('uses the declared relations instead of the spec, with their reverse, skipping unknown types', () => {
    const { relations, problems } = entityRelations({
      kind: 'Component',
      metadata: { name: 'svc', namespace: 'ops', tags: [], labels: {}, annotations: {}, links: [] },
      spec: { owner: 'team-in-spec', type: 'service', lifecycle: 'production' },
      declaredRelations: [
        { type: 'ownedBy', targetRef: 'group:ops/team-from-backstage' },
        { type: 'partOf', targetRef: 'System:ops/Shop' },
        { type: 'somethingCustom', targetRef: 'component:ops/x' },
        { type: 'dependsOn', targetRef: 'not a ref:' },
      ],
    });
    expect(relations.map((r) => [r.type, r.reverseType, r.targetRef])).toEqual([
      ['ownedBy', 'ownerOf', 'group:ops/team-from-backstage'],
      ['partOf', 'hasPart', 'system:ops/shop'],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('relations[3]');
  });
});
