import { createCatalogIndex, validateEntity, type CatalogEntity } from '@devgraph/catalog-model';
import { entityCursor } from './entityCursor';
import { pageEntities } from './pageEntities';

function component(name: string): CatalogEntity {
  const result = validateEntity(
    { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name }, spec: { type: 'service', lifecycle: 'production', owner: 'team-a' } },
    { file: '/catalog/test.yaml', documentIndex: 0 },
  );
  if (!result.ok) throw new Error(result.message);
  return result.entity;
}

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { message: (error as Error).message, code: (error as { extensions?: { code?: string } }).extensions?.code };
  }
  throw new Error('expected a failure');
};

describe('pageEntities', () => {
  const snapshot = createCatalogIndex(['a', 'b', 'c', 'd', 'e'].map(component));

  it('pages by the shared cursor codec, each cursor naming its entity', () => {
    const first = pageEntities(snapshot, undefined, 2, undefined);
    expect(first.items.map((e) => e.metadata.name)).toEqual(['a', 'b']);
    expect(first.cursors.map((c) => entityCursor.decode(c))).toEqual(['component:default/a', 'component:default/b']);
    expect(first).toMatchObject({ totalCount: 5, hasNextPage: true, hasPreviousPage: false });
    const next = pageEntities(snapshot, undefined, 2, first.cursors[1]);
    expect(next.items.map((e) => e.metadata.name)).toEqual(['c', 'd']);
    expect(next).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('keeps a page boundary when the entity the cursor names has gone', () => {
    const after = entityCursor.encode('component:default/bb');
    expect(pageEntities(snapshot, undefined, 5, after).items.map((e) => e.metadata.name)).toEqual(['c', 'd', 'e']);
  });

  it('uses 20 when first is omitted and rejects a page outside 0..500 as BAD_USER_INPUT', () => {
    expect(pageEntities(snapshot, undefined, undefined, undefined).items).toHaveLength(5);
    expect(failure(() => pageEntities(snapshot, undefined, 501, undefined))).toEqual({ code: 'BAD_USER_INPUT', message: 'first must be between 0 and 500, got 501.' });
    expect(failure(() => pageEntities(snapshot, undefined, -1, undefined)).code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['garbage!', /it is not a devgraph cursor/],
    [Buffer.from('component:default/a').toString('base64url'), /it is not a cursor of this entity list/],
    [entityCursor.encode('no kind here'), /it does not hold an entity ref/],
    [entityCursor.encode('Component:default/A'), /it does not hold an entity ref/],
  ])('rejects the cursor %j as BAD_USER_INPUT saying why', (after, why) => {
    const { code, message } = failure(() => pageEntities(snapshot, undefined, 2, after));
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toMatch(/^The cursor .* is invalid: /);
    expect(message).toMatch(why);
  });

  it('turns a bad filter into BAD_USER_INPUT with the index\'s reason', () => {
    expect(failure(() => pageEntities(snapshot, { owner: 'group:' }, 2, undefined))).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^filter\.owner: Entity ref "group:"/),
    });
  });
});
