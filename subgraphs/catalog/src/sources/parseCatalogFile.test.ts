import { parseCatalogFile } from './parseCatalogFile';

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
