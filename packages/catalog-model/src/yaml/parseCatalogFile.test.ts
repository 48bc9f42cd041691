import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import * as yaml from 'yaml';
import { parseCatalogFile, parseWithJsYaml, parseWithYaml, type ParsedFile } from './parseCatalogFile';

// Counts the calls into `yaml` (calling through), to show when the fast path parses with it.
jest.mock('yaml', () => {
  const actual = jest.requireActual<typeof import('yaml')>('yaml');
  return { ...actual, parseDocument: jest.fn(actual.parseDocument), parseAllDocuments: jest.fn(actual.parseAllDocuments) };
});

const REPO = path.resolve(__dirname, '../../../..');

describe('parseCatalogFile', () => {
  it('returns each document with its index and first content line, skipping empty ones', () => {
    const text = ['# leading comment', 'a: 1', '---', '---', '# only a comment', '---', 'b:', '  c: [1, 2]', '---', ''].join('\n');
    const { documents, errors } = parseCatalogFile(text);
    expect(errors).toEqual([]);
    expect(documents.map(({ index, line, value }) => ({ index, line, value }))).toEqual([
      { index: 0, line: 2, value: { a: 1 } },
      { index: 3, line: 7, value: { b: { c: [1, 2] } } },
    ]);
  });

  it('reports a broken document with its index and line and keeps its neighbours', () => {
    const text = ['a: 1', '---', 'b: [1, 2', 'c: 3', '---', 'd: 4'].join('\n');
    const { documents, errors } = parseCatalogFile(text);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { d: 4 }]);
    expect(errors).toEqual([{ documentIndex: 1, line: 4, message: expect.stringMatching(/^Flow sequence in block collection/) }]);
  });

  it('treats duplicate keys as a YAML error', () => {
    const { documents, errors } = parseCatalogFile('a: 1\na: 2\n');
    expect(documents).toEqual([]);
    expect(errors).toEqual([{ documentIndex: 0, line: 2, message: expect.stringContaining('Map keys must be unique') }]);
  });

  it('finds the line of a key, an item, or the nearest existing parent', () => {
    const text = ['kind: Component', 'spec:', '  type: service', '  dependsOn:', '    - a', '    - b'].join('\n');
    const [document] = parseCatalogFile(text).documents;
    expect(document?.lineOf(['spec'])).toBe(2);
    expect(document?.lineOf(['spec', 'type'])).toBe(3);
    expect(document?.lineOf(['spec', 'dependsOn', 1])).toBe(6);
    expect(document?.lineOf(['spec', 'owner'])).toBe(2);
    expect(document?.lineOf([])).toBe(1);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCatalogFile('')).toEqual({ documents: [], errors: [] });
  });
});

describe('parseCatalogFile: the js-yaml fast path against the yaml path', () => {
  // Every descriptor file in the repository: the demo organisation and both packages' fixtures.
  const files = fg.sync(['demo/catalog/**/*.yaml', '{packages/catalog-model,subgraphs/catalog}/test/fixtures/**/*.{yaml,yml}'], { cwd: REPO, absolute: true }).sort();

  /** Everything a caller can observe, lineOf included for every path into every value. */
  const observe = ({ documents, errors }: ParsedFile) => ({
    errors,
    documents: documents.map(({ index, line, value, lineOf }) => ({ index, line, value, lines: pathsIn(value).map((p) => [p, lineOf(p)]) })),
  });

  it('covers the demo catalog and the test fixtures', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [path.relative(REPO, file)]))('gives what the yaml path gives: %s', (file) => {
    const text = readFileSync(path.join(REPO, file), 'utf8');
    expect(observe(parseCatalogFile(text))).toEqual(observe(parseWithYaml(text)));
    // Files that parse are read by js-yaml (the fixtures with YAML errors are not).
    const fast = parseWithJsYaml(text);
    if (parseWithYaml(text).errors.length === 0) expect(fast && observe(fast)).toEqual(observe(parseWithYaml(text)));
    else expect(fast).toBeUndefined();
  });

  it('keeps today\'s errors for whatever js-yaml and yaml treat differently', () => {
    for (const text of [
      'a: 1\na: 2\n',
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
      'ok: 1\n---\ntags: [a,\nb]\n---\nok: 2\n',
      '--- kind: A\n',
      'a: "x"#c\n',
    ]) {
      const today = parseWithYaml(text);
      expect(today.errors).not.toEqual([]);
      expect(parseWithJsYaml(text)).toBeUndefined();
      expect(observe(parseCatalogFile(text))).toEqual(observe(today));
    }
  });
});

describe('parseCatalogFile: lineOf on the fast path', () => {
  const text = ['# header', 'kind: Group', '---', '# about b', 'kind: Location', 'spec:', '  targets:', '    - ./a.yaml', '    - ./b.yaml', ''].join('\n');
  const parseDocument = jest.mocked(yaml.parseDocument);
  const parseAll = jest.mocked(yaml.parseAllDocuments);
  beforeEach(() => jest.clearAllMocks());

  it('parses nothing with yaml until a line is asked for, then only that document', () => {
    const { documents } = parseCatalogFile(text);
    expect(documents.map(({ index, line }) => [index, line])).toEqual([[0, 2], [1, 5]]);
    expect(parseDocument).not.toHaveBeenCalled();
    expect(parseAll).not.toHaveBeenCalled();

    expect(documents[1]?.lineOf(['spec', 'targets', 1])).toBe(9);
    expect(parseDocument).toHaveBeenCalledTimes(1);
    expect(parseDocument.mock.calls[0]?.[0]).toBe(text.slice(text.indexOf('---')));
    expect(parseAll).not.toHaveBeenCalled();
  });

  it('answers like the yaml path, nearest parent and document line included', () => {
    const [first, second] = parseCatalogFile(text).documents;
    const [yamlFirst, yamlSecond] = parseWithYaml(text).documents;
    for (const p of [[], ['kind'], ['spec'], ['spec', 'targets'], ['spec', 'targets', 0], ['spec', 'nope'], ['spec', 'targets', 9], ['nope', 'x']]) {
      expect([p, second?.lineOf(p)]).toEqual([p, yamlSecond?.lineOf(p)]);
      expect([p, first?.lineOf(p)]).toEqual([p, yamlFirst?.lineOf(p)]);
    }
  });
});

function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...pathsIn(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...pathsIn(item, [...prefix, key]));
  return found;
}
