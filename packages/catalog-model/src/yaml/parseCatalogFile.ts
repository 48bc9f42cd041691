/**
 * One descriptor file's text -> its YAML documents as plain values, each with its position, and
 * the documents that could not be parsed. A broken document never hides its neighbours (except
 * where YAML itself runs them together, e.g. an unclosed quote swallowing the next `---`).
 *
 * The `yaml` library is the reference for all of it, but building its documents costs about ten
 * times what js-yaml takes for the values. So a file is first read by js-yaml, with documents
 * found by their markers (scanDocumentStarts), and `yaml` parses a document only when a line
 * inside it is asked for (lineOf). Any file js-yaml rejects, or might read differently from
 * `yaml`, is parsed by `yaml` as a whole (parseWithYaml), so problems read exactly as before.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type YAMLError } from 'yaml';
import { loadDocumentValues } from './loadDocumentValues';
import { scanDocumentStarts } from './scanDocumentStarts';

export interface ParsedDocument {
  /** Position in the file from 0, counting empty documents, so it matches what an editor shows. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  value: unknown;
  /** 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number;
}

export interface YamlError {
  documentIndex: number;
  line?: number;
  message: string;
}

export interface ParsedFile {
  documents: ParsedDocument[];
  errors: YamlError[];
}

export function parseCatalogFile(text: string): ParsedFile {
  return parseWithJsYaml(text) ?? parseWithYaml(text);
}

/** The fast path: undefined when the file needs `yaml` (see loadDocumentValues). */
export function parseWithJsYaml(text: string): ParsedFile | undefined {
  const spans = scanDocumentStarts(text);
  const values = spans && loadDocumentValues(text);
  // Both must agree on where the documents are, or the indexes and lines cannot be trusted.
  if (!spans || !values || values.length !== spans.length) return undefined;
  const documents: ParsedDocument[] = [];
  for (let index = 0; index < spans.length; index += 1) {
    const value = values[index];
    // A trailing `---`, or a document of comments only: nothing to read.
    if (value === null || value === undefined) continue;
    const { start, end, startLine, contentLine } = spans[index]!;
    if (contentLine === undefined) return undefined;
    // Only the file's text is kept (not an AST): `yaml` parses this one document when asked.
    const lineOf = (path: readonly (string | number)[]) => {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text.slice(start, end), { lineCounter });
      return lineOfPath(doc, lineCounter, path, contentLine - startLine + 1) + startLine - 1;
    };
    documents.push({ index, line: contentLine, value, lineOf });
  }
  return { documents, errors: [] };
}

/** The reference: `yaml`'s documents, each parsed or reported on its own. */
export function parseWithYaml(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter });
  const documents: ParsedDocument[] = [];
  const errors: YamlError[] = [];
  if ('empty' in parsed) {
    // An EmptyStream (no document at all) can still carry stream-level errors.
    if (parsed.errors.length > 0) errors.push({ documentIndex: 0, ...describeErrors(parsed.errors) });
    return { documents, errors };
  }

  parsed.forEach((doc: Document.Parsed, index) => {
    if (doc.errors.length > 0) {
      errors.push({ documentIndex: index, ...describeErrors(doc.errors) });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (error) {
      // toJS throws on e.g. an alias bomb (more than maxAliasCount expansions).
      const line = lineCounter.linePos(doc.range[0]).line;
      errors.push({ documentIndex: index, line, message: (error as Error).message });
      return;
    }
    // A trailing `---`, or a document of comments only: nothing to read.
    if (value === null || value === undefined) return;

    const startOffset = doc.contents?.range[0] ?? doc.range[0];
    const line = lineCounter.linePos(startOffset).line;
    const lineOf = (path: readonly (string | number)[]) => lineOfPath(doc, lineCounter, path, line);
    documents.push({ index, line, value, lineOf });
  });
  return { documents, errors };
}

function describeErrors(errors: readonly YAMLError[]): { line?: number; message: string } {
  const line = errors[0]?.linePos?.[0].line;
  // yaml's messages end with ":" followed by a code excerpt; the first line is the explanation.
  const message = errors.map((e) => (e.message.split('\n')[0] ?? '').replace(/:\s*$/, '')).join('; ');
  return { ...(line !== undefined && { line }), message };
}

/** The line of the value at `path` in `doc`, or of its nearest existing parent, or `line`. */
function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[], line: number): number {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const offset = offsetOf(doc.getIn(path.slice(0, depth - 1), true), path[depth - 1]);
    if (offset !== undefined) return lineCounter.linePos(offset).line;
  }
  return line;
}

/** Where `key` sits in `parent`: the key itself for a mapping entry (the `owner:` line, not the value's). */
function offsetOf(parent: unknown, key: string | number | undefined): number | undefined {
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key] as { range?: [number, number, number] } | null | undefined;
    return item?.range?.[0];
  }
  return undefined;
}
