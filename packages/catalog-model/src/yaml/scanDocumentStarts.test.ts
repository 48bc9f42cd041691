import { LineCounter, parseAllDocuments } from 'yaml';
import { scanDocumentStarts } from './scanDocumentStarts';

/** What the `yaml` library, the reference, says: one entry per document, its content line or null if empty. */
function yamlLines(text: string): (number | null)[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter });
  if ('empty' in parsed) return [];
  return parsed.map((doc) => {
    const start = doc.contents?.range[0];
    return start === undefined || doc.toJS() === null ? null : lineCounter.linePos(start).line;
  });
}

const scannedLines = (text: string) => scanDocumentStarts(text)?.map((d) => d.contentLine ?? null);

describe('scanDocumentStarts', () => {
  it.each([
    ['a file that does not start with ---', '# leading comment\n\nkind: A\n---\nkind: B\n'],
    ['a file that starts with ---', '---\nkind: A\n---\n# comment\n\nkind: B\n'],
    ['empty documents, which count', 'a: 1\n---\n---\n# only a comment\n---\nb: 2\n---\n'],
    ['a leading %YAML 1.2 directive', '%YAML 1.2\n---\nkind: A\n---\nkind: B\n'],
    ['comments before the first ---', '# one\n# two\n---\nkind: A\n'],
    ['--- followed by a comment', '--- # first\nkind: A\n---\t# second\nkind: B\n'],
    ['... ending a document, then a bare one', 'kind: A\n...\n# between\nkind: B\n'],
    ['... ending a document, then ---', 'kind: A\n...\n---\nkind: B\n'],
    ['... outside a document (an empty one)', 'kind: A\n...\n...\n'],
    ['---x, ----, indented --- and ... inside text are not markers', 'a: |\n  ---\n  ...\nb: ---x\n----: 1\n'],
    ['a block scalar holding text that looks like markers', 'a: |\n  x\n  --- not a marker\nb: 2\n---\nc: 3\n'],
    ['indented content first', '  a: 1\n---\n  b: 2\n'],
    ['CRLF line ends', '---\r\nkind: A\r\n---\r\n\r\nkind: B\r\n...\r\n'],
    ['a byte order mark', '\uFEFF---\nkind: A\n---\nkind: B\n'],
    ['no final newline', 'kind: A\n---\nkind: B'],
    ['an empty file', ''],
    ['only comments', '# nothing here\n'],
    ['only a trailing marker', '---\n'],
  ])('finds the documents and content lines yaml finds: %s', (_name, text) => {
    expect(scannedLines(text)).toEqual(yamlLines(text));
  });

  it('gives each document the text up to the next marker, with its first line', () => {
    const text = '# c\na: 1\n---\nb: 2\n...\n---\n\nc: 3\n';
    expect(scanDocumentStarts(text)).toEqual([
      { start: 4, end: 9, startLine: 2, contentLine: 2 },
      { start: 9, end: 18, startLine: 3, contentLine: 4 },
      { start: 22, end: text.length, startLine: 6, contentLine: 8 },
    ]);
  });

  it.each([
    ['content on a --- line (yaml rejects a mapping there)', '--- a: 1\n'],
    ['a scalar on a --- line', '--- |\n  text\n'],
    ['%YAML 1.1, which changes the schema', '%YAML 1.1\n---\non: yes\n'],
    ['a %TAG directive', '%TAG !e! tag:example.com,2000:\n---\na: 1\n'],
    ['a carriage return that is not part of CRLF', 'a: 1\rb: 2\n'],
    ['a line over 1024 characters (yaml limits implicit keys to that)', `${'k'.repeat(1030)}: 1\n`],
  ])('leaves to the yaml path: %s', (_name, text) => {
    expect(scanDocumentStarts(text)).toBeUndefined();
  });
});
