import { makeEntity } from '../testing/makeEntity';
import { keepLastGood } from './keepLastGood';
import type { FileContent, FileEntity } from './readCatalogFile';

const found = (name: string, description = 'v1'): FileEntity => ({ entity: makeEntity({ kind: 'Component', name, description }), specLine: () => 1 });
const refs = (served: FileEntity[]) => served.map((e) => `${e.entity.ref}@${e.entity.metadata.description}`);

describe('keepLastGood', () => {
  const previous = [found('a'), found('b')];

  it('replaces a file without problems wholesale, deletions included', () => {
    const content: FileContent = { entities: [found('a', 'v2')], problems: [] };
    expect(refs(keepLastGood(content, previous).served)).toEqual(['component:default/a@v2']);
  });

  it('keeps the previous version of exactly the entity that became invalid', () => {
    const content: FileContent = {
      entities: [found('a', 'v2')],
      problems: [{ kind: 'INVALID_ENTITY', entityRef: 'component:default/b', message: 'spec.owner is required' }],
    };
    const kept = keepLastGood(content, previous);
    expect(refs(kept.served)).toEqual(['component:default/a@v2', 'component:default/b@v1']);
    expect(kept.kept).toBe(1);
    expect(kept.problems[0]?.message).toBe('spec.owner is required (its last valid version is still served)');
  });

  it('keeps every previous entity the new read lacks when the YAML does not parse', () => {
    const content: FileContent = { entities: [], problems: [{ kind: 'INVALID_YAML', message: 'bad indentation' }] };
    const kept = keepLastGood(content, previous);
    expect(refs(kept.served)).toEqual(['component:default/a@v1', 'component:default/b@v1']);
    expect(kept.problems[0]?.message).toContain('2 entities from its last valid version are still served');
  });

  it('serves what is valid when there is nothing to fall back to (first read)', () => {
    const content: FileContent = { entities: [found('a')], problems: [{ kind: 'INVALID_YAML', message: 'bad' }] };
    expect(keepLastGood(content, undefined)).toMatchObject({ kept: 0, problems: [{ message: 'bad' }] });
  });
});
