import { validateEntity, type EntityValidation } from './validateEntity';

const SOURCE = { file: '/catalog/x.yaml', documentIndex: 2, line: 10 };

function doc(kind: string, spec: unknown, metadata: Record<string, unknown> = { name: 'payments' }) {
  return { apiVersion: 'backstage.io/v1alpha1', kind, metadata, spec };
}

function reasons(result: EntityValidation): string[] {
  if (result.ok) throw new Error('expected the entity to be invalid');
  return result.violations.map((v) => v.message);
}

describe('validateEntity: valid entities', () => {
  it('builds the entity with a lower-case ref, the kind as written and defaulted metadata', () => {
    const result = validateEntity(doc('Component', { type: 'service', lifecycle: 'production', owner: 'team-a' }), SOURCE);
    expect(result).toEqual({
      ok: true,
      entity: {
        ref: 'component:default/payments',
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments', namespace: 'default', tags: [], labels: {}, annotations: {}, links: [] },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        source: SOURCE,
        relations: [],
      },
    });
  });

  it('matches the kind case-insensitively and keeps it as written; the ref name is lower-cased', () => {
    const result = validateEntity(
      { ...doc('aPi', { type: 'grpc', lifecycle: 'beta', owner: 'team-a', definition: 'syntax = "proto3";' }, { name: 'Orders', namespace: 'shop' }), apiVersion: 'backstage.io/v1beta1' },
      SOURCE,
    );
    expect(result.ok && [result.entity.kind, result.entity.ref, result.entity.metadata.name]).toEqual(['aPi', 'api:shop/orders', 'Orders']);
  });

  it.each([
    ['System', { owner: 'team-a' }],
    ['Domain', { owner: 'team-a' }],
    ['Resource', { type: 'database', owner: 'team-a' }],
    ['Group', { type: 'team', children: [] }],
    ['User', { memberOf: [] }],
    ['Location', { target: './a.yaml' }],
    ['Location', { targets: ['./a.yaml'] }],
  ])('accepts a minimal %s', (kind, spec) => {
    expect(validateEntity(doc(kind, spec), SOURCE).ok).toBe(true);
  });

  it('keeps full metadata: title, description, tags, labels, annotations, links', () => {
    const metadata = {
      name: 'web',
      title: 'Web',
      description: 'Shop',
      tags: ['typescript', 'c++', 'team:web'],
      labels: { tier: 'critical', 'example.com/cost-center': '' },
      annotations: { 'github.com/project-slug': 'acme/web', 'backstage.io/techdocs-ref': 'dir:.' },
      links: [{ url: 'https://example.com', title: 'Home', icon: 'dashboard', type: 'website' }],
    };
    const result = validateEntity(doc('Component', { type: 'website', lifecycle: 'production', owner: 'team-a' }, metadata), SOURCE);
    expect(result.ok && result.entity.metadata).toEqual({ ...metadata, namespace: 'default' });
  });

  it('accepts an API definition given as a $text placeholder (kept unresolved)', () => {
    const spec = { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: { $text: './openapi.yaml' } };
    expect(validateEntity(doc('API', spec), SOURCE).ok).toBe(true);
  });
});

describe('validateEntity: required spec fields per kind', () => {
  it.each([
    ['Component', {}, ['spec.type is required', 'spec.lifecycle is required', 'spec.owner is required']],
    ['API', { type: 'openapi', lifecycle: 'production', owner: 'team-a' }, ['spec.definition is required']],
    ['System', {}, ['spec.owner is required']],
    ['Domain', {}, ['spec.owner is required']],
    ['Resource', { owner: 'team-a' }, ['spec.type is required']],
    ['Group', { type: 'team' }, ['spec.children is required (a list, which may be empty: children: [])']],
    ['User', {}, ['spec.memberOf is required (a list, which may be empty: memberOf: [])']],
    ['Location', { type: 'file' }, ['spec.target or spec.targets is required']],
  ])('%s with spec %j', (kind, spec, expected) => {
    expect(reasons(validateEntity(doc(kind, spec), SOURCE))).toEqual(expected);
  });

  it('writes the message as Kind "name": reason, and still names the entity', () => {
    const result = validateEntity(doc('Component', { type: 'service', lifecycle: 'production' }), SOURCE);
    expect(result).toMatchObject({ ok: false, entityRef: 'component:default/payments', message: 'Component "payments": spec.owner is required' });
  });

  it('requires spec to be present and a mapping', () => {
    expect(reasons(validateEntity(doc('System', undefined), SOURCE))).toEqual(['spec is required']);
    expect(reasons(validateEntity(doc('System', ['owner']), SOURCE))).toEqual(['spec must be a mapping, found a list']);
  });
});

describe('validateEntity: wrong types and formats', () => {
  const component = { type: 'service', lifecycle: 'production', owner: 'team-a' };

  it('rejects spec fields of the wrong type, pointing at each one', () => {
    const result = validateEntity(doc('Component', { ...component, owner: 42, providesApis: 'payments-api', dependsOn: ['resource:db', ''] }), SOURCE);
    expect(reasons(result)).toEqual([
      'spec.owner must be a string, found the number 42',
      'spec.providesApis must be a list of entity refs, found the string "payments-api"',
      'spec.dependsOn[1] must be a non-empty string, found the string ""',
    ]);
    expect(!result.ok && result.violations.map((v) => v.path)).toEqual([['spec', 'owner'], ['spec', 'providesApis'], ['spec', 'dependsOn', 1]]);
  });

  it.each([
    [{ name: 'Bad Name!' }, /^metadata\.name "Bad Name!" does not match \^/],
    [{ name: 'x'.repeat(64) }, /^metadata\.name "x{64}" does not match/],
    [{ name: 'ok', namespace: 'Billing' }, /^metadata\.namespace "Billing" does not match/],
    [{ name: 'ok', tags: 'java' }, /^metadata\.tags must be a list of strings, found the string "java"$/],
    [{ name: 'ok', tags: ['java', 3] }, /^metadata\.tags\[1\] must be a string, found the number 3$/],
    [{ name: 'ok', tags: ['Java'] }, /^metadata\.tags\[0\] "Java" is not a valid tag/],
    [{ name: 'ok', annotations: { 'pagerduty.com/service-id': 123 } }, /must be a string, found the number 123 \(quote it: "123"\)$/],
    [{ name: 'ok', annotations: { 'not a key': 'x' } }, /^metadata\.annotations key "not a key" must be/],
    [{ name: 'ok', labels: { tier: 'very critical' } }, /^metadata\.labels\.tier value "very critical" does not match/],
    [{ name: 'ok', links: [{ title: 'Dashboard' }] }, /^metadata\.links\[0\]\.url is required$/],
    [{ name: 'ok', links: [{ url: 'not a url' }] }, /^metadata\.links\[0\]\.url must be an absolute URL/],
    [{ name: 'ok', links: 'https://x' }, /^metadata\.links must be a list/],
    [{ name: 'ok', title: ['x'] }, /^metadata\.title must be a string, found a list$/],
    [{ name: 'ok', description: null }, /^metadata\.description must be a string, found nothing \(null\)$/],
    [{}, /^metadata\.name is required$/],
  ])('rejects metadata %j', (metadata, expected) => {
    const messages = reasons(validateEntity(doc('Component', component, metadata), SOURCE));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(expected);
  });

  it('rejects an unsupported apiVersion and an unknown kind', () => {
    expect(reasons(validateEntity({ ...doc('Component', component), apiVersion: 'backstage.io/v2' }, SOURCE))).toEqual([
      'apiVersion "backstage.io/v2" is not supported; use backstage.io/v1alpha1 or backstage.io/v1beta1',
    ]);
    const unknown = validateEntity(doc('Template', {}), SOURCE);
    expect(reasons(unknown)[0]).toMatch(/^kind "Template" is not one of component, api/);
    expect(!unknown.ok && unknown.entityRef).toBeUndefined();
  });

  it('reports a spec field written at the root (mis-indented)', () => {
    const result = validateEntity({ ...doc('Component', { type: 'service', lifecycle: 'production' }), owner: 'team-a' }, SOURCE);
    expect(reasons(result)).toEqual([
      'unknown top-level field "owner" (only apiVersion, kind, metadata and spec belong there; is it mis-indented?)',
      'spec.owner is required',
    ]);
  });

  it('rejects a document that is not a mapping', () => {
    expect(validateEntity(['a'], SOURCE)).toMatchObject({ ok: false, message: 'Entity (unnamed): the document is a list, not a mapping with apiVersion, kind, metadata and spec' });
  });

  it('collects every violation of a document, not just the first', () => {
    const result = validateEntity({ kind: 'Group', metadata: { name: 'Bad Name!', tags: 'x' }, spec: { type: 3 } }, SOURCE);
    expect(reasons(result)).toHaveLength(5);
    expect(!result.ok && result.message).toMatch(/^Group "Bad Name!": apiVersion is required; metadata\.name/);
  });
});
