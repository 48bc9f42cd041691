import { normaliseBackstageEntity, withDeclaredRelations } from './normaliseBackstageEntity';

const BASE = 'http://backstage:7007';
const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', uid: 'u-1', etag: 'e-1', annotations: { 'backstage.io/managed-by-origin-location': 'url:https://git/x/catalog-info.yaml' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
    { type: 'dependsOn', targetRef: 'resource:default/db' },
  ],
};

describe('normaliseBackstageEntity', () => {
  it('maps a processed entity with its origin location and Backstage\'s relations', () => {
    const result = normaliseBackstageEntity(component, BASE);
    expect(result).toMatchObject({
      entity: { ref: 'component:default/payments', source: { file: 'url:https://git/x/catalog-info.yaml', documentIndex: 0 }, declaredRelations: component.relations },
    });
    const entity = withDeclaredRelations((result as { entity: never }).entity);
    expect(entity.relations).toEqual(component.relations);
  });

  it('falls back to backstage:<url> as the location, and skips kinds devgraph does not serve', () => {
    const noAnnotations = { ...component, metadata: { name: 'payments' } };
    expect(normaliseBackstageEntity(noAnnotations, BASE)).toMatchObject({ entity: { source: { file: `backstage:${BASE}` } } });
    expect(normaliseBackstageEntity({ ...component, kind: 'Template' }, BASE)).toEqual({ skipped: 'Template' });
  });

  it('reports an entity devgraph cannot serve as a problem naming Backstage', () => {
    const result = normaliseBackstageEntity({ ...component, spec: { type: 'service' } }, BASE);
    expect(result).toMatchObject({ problem: { kind: 'INVALID_ENTITY', entityRef: 'component:default/payments', message: expect.stringContaining(`from Backstage (${BASE})`) } });
  });
});
