import { makeEntity } from '../testing/makeEntity';
import { createCatalogIndex } from './createCatalogIndex';
import type { CatalogEntity, EntityFilter } from '../types';

function components(count: number): CatalogEntity[] {
  return Array.from({ length: count }, (_, i) => makeEntity({ kind: 'Component', name: `svc-${String(i).padStart(2, '0')}` }));
}

const catalog = [
  makeEntity({ kind: 'Group', name: 'team-a' }),
  makeEntity({ kind: 'Group', name: 'team-b', namespace: 'billing' }),
  makeEntity({ kind: 'User', name: 'alice' }),
  makeEntity({ kind: 'System', name: 'payments' }),
  makeEntity({ kind: 'Component', name: 'payments', tags: ['java'], description: 'Takes the MONEY', spec: { system: 'payments' } }),
  makeEntity({ kind: 'Component', name: 'web', title: 'Storefront Web', tags: ['typescript'], spec: { type: 'website', lifecycle: 'experimental', owner: 'user:alice' } }),
  makeEntity({ kind: 'Component', name: 'invoicing', namespace: 'billing', spec: { owner: 'team-b', system: 'default/payments' } }),
  makeEntity({ kind: 'API', name: 'payments-api', tags: ['java'], spec: { system: 'payments' } }),
];

describe('CatalogIndex.query: paging', () => {
  const index = createCatalogIndex(components(25));

  it('walks all entities in ref order across pages, each starting after the last ref seen', () => {
    const seen: string[] = [];
    let afterRef: string | null = null;
    const pages = [];
    for (;;) {
      const page = index.query(undefined, { first: 10, afterRef });
      pages.push({ n: page.items.length, next: page.hasNextPage, previous: page.hasPreviousPage, total: page.totalCount });
      seen.push(...page.items.map((e) => e.ref));
      if (!page.hasNextPage) break;
      afterRef = page.items[page.items.length - 1]?.ref ?? null;
    }
    expect(pages).toEqual([
      { n: 10, next: true, previous: false, total: 25 },
      { n: 10, next: true, previous: true, total: 25 },
      { n: 5, next: false, previous: true, total: 25 },
    ]);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(25);
  });

  it('keeps a page boundary meaningful in a rebuilt index where its entity was removed and others added', () => {
    const first = index.query(undefined, { first: 3 });
    expect(first.items.map((e) => e.metadata.name)).toEqual(['svc-00', 'svc-01', 'svc-02']);
    const rebuilt = createCatalogIndex([
      ...components(25).filter((e) => e.metadata.name !== 'svc-02'),
      makeEntity({ kind: 'Component', name: 'svc-02a' }),
    ]);
    const next = rebuilt.query(undefined, { first: 2, afterRef: first.items[2]!.ref });
    expect(next.items.map((e) => e.metadata.name)).toEqual(['svc-02a', 'svc-03']);
  });

  it('returns an empty page for first: 0 and after the last item', () => {
    expect(index.query(undefined, { first: 0 })).toMatchObject({ items: [], totalCount: 25, hasNextPage: true });
    expect(index.query(undefined, { first: 5, afterRef: 'component:default/svc-24' })).toMatchObject({ items: [], hasNextPage: false, hasPreviousPage: true });
  });

  it('rejects a negative or fractional page size', () => {
    expect(() => index.query(undefined, { first: -1 })).toThrow('first must be a non-negative integer, got -1');
    expect(() => index.query(undefined, { first: 1.5 })).toThrow('first must be a non-negative integer');
  });
});

describe('CatalogIndex.query: filters', () => {
  const index = createCatalogIndex(catalog);
  const refs = (filter: EntityFilter) => {
    const page = index.query(filter, { first: 100 });
    expect(page.totalCount).toBe(page.items.length);
    return page.items.map((e) => e.ref);
  };

  it('filters by kind, case-insensitively, several at once', () => {
    expect(refs({ kind: ['API', 'group'] })).toEqual(['api:default/payments-api', 'group:billing/team-b', 'group:default/team-a']);
    expect(refs({ kind: [] })).toHaveLength(catalog.length);
    expect(refs({ kind: ['template'] })).toEqual([]);
  });

  it('filters by namespace, type and lifecycle', () => {
    expect(refs({ namespace: 'billing' })).toEqual(['component:billing/invoicing', 'group:billing/team-b']);
    expect(refs({ type: 'website' })).toEqual(['component:default/web']);
    expect(refs({ kind: ['component'], lifecycle: 'production' })).toEqual(['component:billing/invoicing', 'component:default/payments']);
  });

  it('defaults an owner filter like spec.owner, in the default namespace', () => {
    expect(refs({ owner: 'team-a' })).toEqual(['api:default/payments-api', 'component:default/payments', 'system:default/payments']);
    expect(refs({ owner: 'user:alice' })).toEqual(['component:default/web']);
    expect(refs({ owner: 'billing/team-b' })).toEqual(['component:billing/invoicing']);
    expect(refs({ owner: 'team-b' })).toEqual([]);
  });

  it('defaults a system filter to kind system', () => {
    expect(refs({ system: 'payments' })).toEqual(['api:default/payments-api', 'component:billing/invoicing', 'component:default/payments']);
    expect(refs({ system: 'payments', kind: ['Component'], namespace: 'default' })).toEqual(['component:default/payments']);
  });

  it('filters by tag and by case-insensitive text in name, title or description', () => {
    expect(refs({ tag: 'java' })).toEqual(['api:default/payments-api', 'component:default/payments']);
    expect(refs({ text: 'money' })).toEqual(['component:default/payments']);
    expect(refs({ text: 'STOREFRONT' })).toEqual(['component:default/web']);
    expect(refs({ text: 'pay', kind: ['api'] })).toEqual(['api:default/payments-api']);
  });

  it('ignores null fields and pages within the filtered set', () => {
    const page = index.query({ kind: ['component'], owner: null, text: null }, { first: 2 });
    expect(page.items.map((e) => e.ref)).toEqual(['component:billing/invoicing', 'component:default/payments']);
    expect(page).toMatchObject({ totalCount: 3, hasNextPage: true, hasPreviousPage: false });
    const next = index.query({ kind: ['component'] }, { first: 2, afterRef: page.items[1]!.ref });
    expect(next.items.map((e) => e.ref)).toEqual(['component:default/web']);
    expect(next).toMatchObject({ totalCount: 3, hasNextPage: false, hasPreviousPage: true });
  });

  it('rejects an owner filter that is not a ref', () => {
    expect(() => index.query({ owner: 'group:' }, { first: 1 })).toThrow(/^filter\.owner: Entity ref "group:"/);
  });
});

describe('CatalogIndex.query: domain, annotation and owner-hierarchy filters, facets', () => {
  const index = createCatalogIndex([
    makeEntity({ kind: 'Group', name: 'dept', spec: { children: ['team-a'] } }),
    makeEntity({ kind: 'Group', name: 'team-a', spec: { parent: 'dept' } }),
    makeEntity({ kind: 'Domain', name: 'commerce' }),
    makeEntity({ kind: 'System', name: 'payments', spec: { domain: 'commerce', owner: 'dept' } }),
    makeEntity({ kind: 'System', name: 'loose' }),
    ...catalog.filter((e) => !['Group', 'System'].includes(e.kind)),
  ].map((e) => (e.metadata.name === 'web' ? { ...e, metadata: { ...e.metadata, annotations: { 'pagerduty.com/service-id': 'PWEB' } } } : e)));
  const refs = (filter: EntityFilter) => index.query(filter, { first: 100 }).items.map((e) => e.ref);

  it("filters by domain: the domain's systems and their entities, not the domain itself", () => {
    expect(refs({ domain: 'commerce' })).toEqual(['api:default/payments-api', 'component:billing/invoicing', 'component:default/payments', 'system:default/payments']);
    expect(refs({ domain: 'commerce', kind: ['system'] })).toEqual(['system:default/payments']);
    expect(refs({ domain: 'nowhere' })).toEqual([]);
  });

  it('filters by annotation key and value, and rejects a value without a key', () => {
    expect(refs({ annotation: 'pagerduty.com/service-id' })).toEqual(['component:default/web']);
    expect(refs({ annotation: 'pagerduty.com/service-id', annotationValue: 'other' })).toEqual([]);
    expect(() => refs({ annotationValue: 'PWEB' })).toThrow('filter.annotationValue needs filter.annotation');
  });

  it('matches owner exactly, or through the group hierarchy when asked', () => {
    expect(refs({ owner: 'dept' })).toEqual(['system:default/payments']);
    expect(refs({ owner: 'dept', ownerIncludingSubgroups: true, kind: ['component', 'system'] })).toEqual(['component:default/payments', 'system:default/loose', 'system:default/payments']);
    expect(refs({ owner: 'user:alice', ownerIncludingSubgroups: true })).toEqual(['component:default/web']);
    expect(() => refs({ ownerIncludingSubgroups: true })).toThrow('filter.ownerIncludingSubgroups needs filter.owner');
  });

  it('counts facets by count then value, within the filter, each tag once per entity', () => {
    expect(index.facetCounts('KIND', null)).toEqual([
      { value: 'component', count: 3 }, { value: 'group', count: 2 }, { value: 'system', count: 2 }, { value: 'api', count: 1 }, { value: 'domain', count: 1 }, { value: 'user', count: 1 },
    ]);
    expect(index.facetCounts('TAG', { kind: ['component', 'api'] })).toEqual([{ value: 'java', count: 2 }, { value: 'typescript', count: 1 }]);
    expect(index.facetCounts('DOMAIN', { kind: ['component'] })).toEqual([{ value: 'domain:default/commerce', count: 2 }]);
    expect(index.facetCounts('LIFECYCLE', { text: 'pay' })).toEqual([{ value: 'production', count: 2 }]);
    expect(index.facetCounts('OWNER', { owner: 'dept', ownerIncludingSubgroups: true })).toEqual([
      { value: 'group:default/team-a', count: 4 }, { value: 'group:default/dept', count: 1 },
    ]);
  });
});
