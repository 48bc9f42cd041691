import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCatalogIndex } from '../catalogIndex/createCatalogIndex';
import type { CatalogProblem } from '../types';
import { readCatalogFiles } from './readCatalogFiles';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);
const read = (...paths: string[]) => readCatalogFiles({ paths, cwd: FIXTURES });
const kinds = (problems: CatalogProblem[]) => problems.map((p) => p.kind);

describe('readCatalogFiles: a valid catalog reached through Locations', () => {
  it('follows a directory target and a glob target and keeps the Location itself', async () => {
    const { entities, problems } = await read('valid/catalog-info.yaml');
    expect(problems).toEqual([]);
    expect(entities.map((e) => e.ref).sort()).toEqual([
      'api:default/payments-api',
      'component:billing/invoicing',
      'component:default/payments',
      'component:default/payments-worker',
      'component:default/web',
      'domain:default/commerce',
      'group:billing/team-billing',
      'group:default/platform',
      'group:default/team-a',
      'location:default/root',
      'resource:default/payments-db',
      'system:default/payments',
      'user:default/alice',
      'user:default/bob',
    ]);
  });

  it('records where each entity came from and ignores the trailing empty document', async () => {
    const { entities } = await read('valid/catalog-info.yaml');
    const fromGroups = entities.filter((e) => e.source.file === fixture('valid/org/groups.yaml'));
    expect(fromGroups.map((e) => [e.ref, e.source.documentIndex, e.source.line])).toEqual([
      ['group:default/platform', 0, 1],
      ['group:default/team-a', 1, 9],
      ['user:default/alice', 2, 25],
      ['user:default/bob', 3, 34],
    ]);
    expect(entities.find((e) => e.ref === 'user:default/bob')?.kind).toBe('user');
  });

  it('builds an index without problems, with namespace-defaulted relations in both directions', async () => {
    const { entities, problems } = await read('valid/catalog-info.yaml');
    const index = createCatalogIndex(entities, problems);
    expect(index.problems).toEqual([]);
    expect(index.relatedRefs('component:billing/invoicing', 'ownedBy')).toEqual(['group:billing/team-billing']);
    expect(index.relatedRefs('component:billing/invoicing', 'partOf')).toEqual(['system:default/payments']);
    expect(index.relatedRefs('api:default/payments-api', 'apiConsumedBy')).toEqual(['component:billing/invoicing', 'component:default/web']);
    expect(index.relatedRefs('component:default/payments', 'hasPart')).toEqual(['component:default/payments-worker']);
    expect(index.relatedRefs('group:default/team-a', 'hasMember')).toEqual(['user:default/alice', 'user:default/bob']);
  });

  it('reads each file once when a directory, a glob and a Location all reach it', async () => {
    const { entities, problems } = await read('valid/catalog-info.yaml', 'valid', 'valid/services/**/*.yaml');
    expect(problems).toEqual([]);
    expect(entities).toHaveLength(14);
  });
});

describe('readCatalogFiles: problems', () => {
  it('reports a YAML syntax error in the 2nd of 3 documents and loads the other two', async () => {
    const { entities, problems } = await read('broken-yaml.yaml');
    expect(entities.map((e) => [e.metadata.name, e.source.documentIndex])).toEqual([
      ['before-broken', 0],
      ['after-broken', 2],
    ]);
    expect(problems).toEqual([
      {
        kind: 'INVALID_YAML',
        location: fixture('broken-yaml.yaml'),
        documentIndex: 1,
        line: 15,
        message: expect.stringContaining('Flow sequence in block collection must be sufficiently indented and end with a ]'),
      },
    ]);
  });

  it('reports every invalid entity with file, document index and line, and keeps the valid neighbour', async () => {
    const { entities, problems } = await read('invalid');
    expect(entities.map((e) => e.ref)).toEqual(['component:default/survivor']);
    expect(kinds(problems)).toEqual(Array(18).fill('INVALID_ENTITY'));
    expect(problems.map((p) => p.documentIndex)).toEqual([...Array(18).keys()]);
    expect(problems.every((p) => p.location === fixture('invalid/entities.yaml'))).toBe(true);
    expect(problems[4]).toEqual({
      kind: 'INVALID_ENTITY',
      location: fixture('invalid/entities.yaml'),
      documentIndex: 4,
      line: 34,
      entityRef: 'component:default/payments',
      message: 'Component "payments": spec.owner is required',
    });
    expect(problems[2]).toMatchObject({ line: 18, message: expect.stringMatching(/^Component "Bad Name!": metadata\.name "Bad Name!" does not match/) });
    expect(problems[13]).toMatchObject({ line: 95, message: expect.stringContaining('metadata.annotations.pagerduty.com/service-id must be a string') });
    expect(problems[16]?.message).toMatch(/the document is a string of 13 characters/);
  });

  it('keeps the first of two entities with the same ref and names both places', async () => {
    const { entities, problems } = await read('duplicates');
    expect(entities.map((e) => [e.ref, e.metadata.description])).toEqual([
      ['component:default/dup', 'first'],
      ['component:default/unique', undefined],
    ]);
    expect(problems).toEqual([
      {
        kind: 'DUPLICATE_REF',
        location: fixture('duplicates/b.yaml'),
        documentIndex: 1,
        line: 7,
        entityRef: 'component:default/dup',
        message: `component:default/dup is declared twice: kept ${fixture('duplicates/a.yaml')} (document 0, line 1), ignored ${fixture('duplicates/b.yaml')} (document 1, line 7)`,
      },
    ]);
  });

  it('reports a Location that leads back to a file on its own chain, reading each file once', async () => {
    const { entities, problems } = await read('cycle/a.yaml');
    expect(entities.map((e) => e.ref)).toEqual(['location:default/cycle-a', 'component:default/in-a', 'component:default/in-b', 'location:default/cycle-b']);
    expect(problems).toEqual([
      {
        kind: 'LOCATION_CYCLE',
        location: fixture('cycle/b.yaml'),
        documentIndex: 1,
        line: 10,
        entityRef: 'location:default/cycle-b',
        message: `Location "cycle-b": spec.target "./a.yaml" leads back to ${fixture('cycle/a.yaml')}, which is already being read: ${fixture('cycle/a.yaml')} -> ${fixture('cycle/b.yaml')} -> ${fixture('cycle/a.yaml')}`,
      },
    ]);
  });

  it('reports URL targets as unsupported and missing targets as unreadable, and follows the rest', async () => {
    const { entities, problems } = await read('locations/catalog-info.yaml', 'locations/component.yaml');
    expect(entities.map((e) => e.ref)).toEqual([
      'location:default/remote',
      'location:default/local',
      'location:default/self',
      'component:default/deep',
      'component:default/reached-twice',
    ]);
    expect(problems.map((p) => [p.kind, p.documentIndex, p.line, p.entityRef])).toEqual([
      ['UNREADABLE_SOURCE', 0, 6, 'location:default/remote'],
      ['UNREADABLE_SOURCE', 1, 13, 'location:default/local'],
      ['UNREADABLE_SOURCE', 1, 14, 'location:default/local'],
      ['UNREADABLE_SOURCE', 1, 15, 'location:default/local'],
      ['LOCATION_CYCLE', 2, 23, 'location:default/self'],
    ]);
    expect(problems[0]?.message).toBe(
      'Location "remote": spec.target "https://github.com/acme/catalog/blob/main/catalog-info.yaml" is not followed: type "url" is not supported; devgraph reads local files only (type "file" or no type), nothing is fetched',
    );
    expect(problems[1]?.message).toMatch(/^Location "local": spec\.targets\[0\] "\.\/missing\.yaml": .*missing\.yaml cannot be read \(ENOENT/);
    expect(problems[2]?.message).toMatch(/spec\.targets\[1\] "\.\/nothing\/\*\.yaml": the pattern .* matches no files$/);
    expect(problems[3]?.message).toMatch(/spec\.targets\[2\] "https:\/\/example\.com\/catalog-info\.yaml" is not followed: it is a URL/);
  });

  it('reports configured paths that match nothing, under the path as configured', async () => {
    const { entities, problems } = await read('nope.yaml', 'nothing/**/*.yaml', 'dangling.yaml');
    expect(entities).toHaveLength(2);
    expect(problems.map((p) => [p.kind, p.location])).toEqual([
      ['UNREADABLE_SOURCE', 'nope.yaml'],
      ['UNREADABLE_SOURCE', 'nothing/**/*.yaml'],
    ]);
  });

  it('reports the dangling owner of an entity once the index is built', async () => {
    const { entities, problems } = await read('dangling.yaml');
    const index = createCatalogIndex(entities, problems);
    expect(index.problems.map((p) => [p.kind, p.entityRef, p.message])).toEqual([
      ['INVALID_ENTITY', 'component:default/orphan', 'Component "orphan": spec.dependsOn[1]: Entity ref "ghost-thing" has no kind; write it as <kind>:ghost-thing (e.g. component:ghost-thing)'],
      ['DANGLING_REFERENCE', 'component:default/orphan', 'Component "orphan": spec.owner refers to group:default/team-ghost, which is not in the catalog'],
      ['DANGLING_REFERENCE', 'component:default/orphan', 'Component "orphan": spec.dependsOn[0] refers to resource:default/ghost-db, which is not in the catalog'],
      ['DANGLING_REFERENCE', 'component:default/orphan', 'Component "orphan": spec.system refers to system:default/ghost-system, which is not in the catalog'],
      ['DANGLING_REFERENCE', 'user:default/dave', 'User "dave": spec.memberOf[0] refers to group:default/team-ghost, which is not in the catalog'],
    ]);
  });

  it('never throws, whatever the files hold', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'devgraph-catalog-'));
    try {
      await writeFile(path.join(dir, 'binary.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x3a, 0x7b, 0x5b]));
      await writeFile(path.join(dir, 'list.yml'), '- a\n- b\n');
      await writeFile(path.join(dir, 'aliases.yaml'), 'a: &a [x]\nb: [*a, *a, *a]\n');
      const { entities, problems } = await readCatalogFiles({ paths: [dir], cwd: '/' });
      expect(entities).toEqual([]);
      expect(problems.map((p) => [p.kind, path.basename(p.location ?? '')])).toEqual([
        ['INVALID_ENTITY', 'aliases.yaml'],
        ['INVALID_ENTITY', 'binary.yaml'],
        ['INVALID_ENTITY', 'list.yml'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
