/**
 * Where each YAML document of a file is, from its document markers alone (`---` and `...` at
 * column 0, which end any node, so no parsing is needed), counted the way the `yaml` library
 * counts them: a `---` always opens a document, content before the first `---` (or after a
 * `...`) opens a bare one, a `...` outside a document is an empty one, and comments or blank
 * lines between documents open nothing.
 */
export interface DocumentSpan {
  /** Offset where the document's text starts (its `---` line, or its first line if bare). */
  start: number;
  /** Offset where the next document marker starts, or the file's length. */
  end: number;
  /** 1-based line of `start`. */
  startLine: number;
  /** 1-based line of the document's first content, if it has any. */
  contentLine?: number;
}

/**
 * The documents of `text`, or undefined where this scan could disagree with the `yaml`
 * library, so the caller parses the file the slow way instead:
 * - content on a `---` line (`yaml` rejects `--- key: value`, js-yaml does not);
 * - a directive other than `%YAML 1.2` (`%YAML 1.1` changes `yaml`'s schema, `%TAG` its tags);
 * - a lone carriage return, which both libraries may not count as a line break the same way;
 * - a line over 1024 characters: `yaml` rejects an implicit key that long, js-yaml does not
 *   (checked here because this loop sees every line anyway).
 */
export function scanDocumentStarts(text: string): DocumentSpan[] | undefined {
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  const documents: DocumentSpan[] = [];
  let open: DocumentSpan | undefined;
  const close = (at: number) => {
    if (open) open.end = at;
    open = undefined;
  };
  // A byte order mark is not content, and `yaml` and js-yaml both skip it.
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; lineStart <= text.length; line += 1) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart > 1024) return undefined;
    const marker = markerAt(text, lineStart, lineEnd);
    if (marker === '---') {
      close(lineStart);
      if (!isBlankOrComment(text, lineStart + 3, lineEnd)) return undefined;
      open = { start: lineStart, end: text.length, startLine: line };
      documents.push(open);
    } else if (marker === '...') {
      // Ends the open document; outside one, `yaml` counts it as an empty document.
      if (!open) documents.push({ start: lineStart, end: lineStart, startLine: line });
      close(lineStart);
    } else if (!isBlankOrComment(text, lineStart, lineEnd)) {
      if (open) {
        open.contentLine ??= line;
      } else if (text.charCodeAt(lineStart) === 0x25 /* % */) {
        if (text.slice(lineStart, lineEnd).trimEnd() !== '%YAML 1.2') return undefined;
      } else {
        open = { start: lineStart, end: text.length, startLine: line, contentLine: line };
        documents.push(open);
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return documents;
}

/** `---` or `...` at the start of a line, followed by white space or the end of the line. */
function markerAt(text: string, start: number, end: number): '---' | '...' | undefined {
  const c = text.charCodeAt(start);
  if ((c !== 0x2d && c !== 0x2e) || text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) return undefined;
  const after = text.charCodeAt(start + 3);
  if (start + 3 < end && after !== 0x20 && after !== 0x09 && after !== 0x0d) return undefined;
  return c === 0x2d ? '---' : '...';
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x23 /* # */) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
