/**
 * One descriptor file's text -> its YAML documents as plain values, each with its position, and
 * the documents that could not be parsed. A broken document never hides its neighbours (except
 * where YAML itself runs them together, e.g. an unclosed quote swallowing the next `---`).
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';

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

export function parseCatalogFile(text: string): { documents: ParsedDocument[]; errors: YamlError[] } {
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
    const lineOf = (path: readonly (string | number)[]) => {
      for (let depth = path.length; depth > 0; depth -= 1) {
        const offset = offsetOf(doc.getIn(path.slice(0, depth - 1), true), path[depth - 1]);
        if (offset !== undefined) return lineCounter.linePos(offset).line;
      }
      return line;
    };
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
