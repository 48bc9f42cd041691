import { CORE_SCHEMA, load } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { loadDocumentValues } from './loadDocumentValues';

/** The reference: what the `yaml` library's documents give (each must parse without errors). */
function yamlValues(text: string): unknown[] {
  const parsed = parseAllDocuments(text);
  if ('empty' in parsed) return [];
  return parsed.map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as unknown;
  });
}

// Plain scalars YAML libraries disagree on: YAML 1.1 spellings, dates, number forms js-yaml's
// own schemas read differently from `yaml`'s core schema (binary, signed hex, `-.5`, too long).
const SCALARS = [
  'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'No', 'on', 'OFF', 'y', 'n',
  '~', 'null', 'Null', 'NULL', 'nULL', '',
  '0', '-0', '+0', '7', '+12', '-12', '012', '0o17', '-0o17', '0o8', '0x1F', '0x1f', '-0x1F', '0X1F', '0x', '0b101', '1_000',
  '123456789012345678901234567890', '9007199254740993',
  '1.5', '1.50', '-1.5', '.5', '-.5', '+.5', '1.', '1e3', '1E3', '1e+3', '1.5e-3', '.5e3', '1e400', '-1e400', '1e', 'e3',
  '.inf', '.Inf', '.INF', '+.inf', '-.inf', '-.Inf', '.iNf', '.nan', '.NaN', '.NAN', '-.nan', 'nan', 'inf', 'Infinity',
  '2024-01-15', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '12:30', '1:30:00', '190:20:30',
  '<<', '=', 'v1.2.3', 'backstage.io/v1alpha1', 'a b', '1 2',
];

describe('loadDocumentValues', () => {
  it('reads plain scalars exactly as yaml does (YAML 1.2 core schema, dates stay strings)', () => {
    const text = SCALARS.map((s, i) => `k${i}: ${s}`).join('\n');
    const [mine] = loadDocumentValues(text) ?? [];
    const [reference] = yamlValues(text);
    SCALARS.forEach((s, i) => {
      const got = (mine as Record<string, unknown>)[`k${i}`];
      const want = (reference as Record<string, unknown>)[`k${i}`];
      expect({ scalar: s, value: got }).toEqual({ scalar: s, value: want });
      expect(Object.is(got, want)).toBe(true); // tells -0 from 0, and NaN from NaN
    });
    expect((mine as Record<string, unknown>).k0).toBe(true);
    expect((mine as Record<string, unknown>)[`k${SCALARS.indexOf('2024-01-15')}`]).toBe('2024-01-15');
  });

  it("needs its own schema: js-yaml's stock ones read some of these differently", () => {
    expect(load('d: 2024-01-15')).toEqual({ d: expect.any(Date) });
    expect(load('[0b101, -.5]', { schema: CORE_SCHEMA })).toEqual([5, '-.5']);
    expect(loadDocumentValues('[2024-01-15, 0b101, -.5]')).toEqual([['2024-01-15', '0b101', -0.5]]);
  });

  it('reads keys, quoted and block strings, and empty documents as yaml does', () => {
    const text = [
      '1: one', '"2": two', 'true: t', '1.50: f', '__proto__: p', "'q': \"it's \\u00e9\\n\"", 'plain: a',
      '  b', '', '  c', 'folded: >', '  a', '  b', '', '  c', 'keep: |+', '  x', '', 'strip: |-', '  x', 'indented: |2',
      '    x', 'flow: {a: [1, "2", ~], b: {}}', 'seq:', '- a', '- b: 1', '  c: [x, y]', 'empty:', '---', '---', '# c', '---',
      "- 'multi word'", '- "x\\ty"', '...', 'last: 1',
    ].join('\n');
    expect(loadDocumentValues(text)).toEqual(yamlValues(text));
  });

  it('still reads what only looks like those: ? or * inside words, globs, bullets, tabs between tokens', () => {
    const text = 'a: why? because\nb: "https://x/?q=1"\nc:\t./**/*.yaml\nd: [./*.yaml, "*"]\ne: |\n  * item\n  ** bold **\n';
    expect(loadDocumentValues(text)).toEqual(yamlValues(text));
  });

  it.each([
    ['an anchor and alias (yaml limits alias expansion)', 'a: &x {b: 1}\nc: *x\n'],
    ['an anchored scalar', 'a: &x 1\n'],
    ['an alias bomb', 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n'],
    ['a standard tag', 'a: !!str 1\n'],
    ['a tag js-yaml would resolve differently', 'a: !!int 0b11\n'],
    ['the non-specific tag', 'a: ! 12\n'],
    ['a custom tag', 'a: !ref x\n'],
    ['a flow sequence over several lines', 'tags: [a,\nb]\n'],
    ['a flow mapping over several lines', 'k:\n  m: {a: 1,\n    b: 2}\n'],
    ['a quoted string over several lines', 'a:\n  - "x\n y"\n'],
    ['a comment glued to a string', 'a: "x"#c\n'],
    ['a flow sequence as a key', '[a]: 1\n'],
    ['a collection as an explicit key', '? [a, b]\n: 1\n'],
    ['a block collection as an explicit key', '? - a\n  - b\n: 1\n'],
    ['a null key', 'null: 1\n'],
    ['a ~ key', '~ : 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['keys equal only as strings', '1: a\n"1": b\n'],
    ['an explicit key without a value', 'spec:\n  ?  - ./a.yaml\n'],
    ['a tab-only line after a block scalar', 'a: |\n  x\n\t\nb: 1\n'],
    ['a tab in indentation', 'a:\n\tb: 1\n'],
    ['a syntax error', 'a: [1, 2\nb: 3\n'],
  ])('returns undefined so the file takes the yaml path: %s', (_name, text) => {
    expect(loadDocumentValues(text)).toBeUndefined();
  });
});
