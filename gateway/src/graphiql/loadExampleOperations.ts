import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** An operation preloaded in GraphiQL. */
export interface ExampleOperation {
  /** From a leading `# title` comment line, else the file name without `.graphql`. */
  readonly title: string;
  /** The file's text, verbatim (the title comment stays: it labels the editor too). */
  readonly query: string;
}

const TITLE_LINE = /^#\s*(.*?)\s*$/;

/**
 * Reads every `*.graphql` file of `dir` as an example operation, sorted by file name (plain code
 * point order, so `01-`, `02-` prefixes order them whatever the locale).
 *
 * A missing directory gives `[]`: examples are a convenience and must never stop the gateway.
 * Other read errors (permissions, I/O) are real misconfigurations and are thrown. Blank files
 * are skipped; a tab with nothing in it is not an example.
 */
export async function loadExampleOperations(dir: string): Promise<ExampleOperation[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ENOTDIR')) return [];
    throw error;
  }
  const fileNames = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.graphql'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const operations: ExampleOperation[] = [];
  for (const fileName of fileNames) {
    const query = (await readFile(path.join(dir, fileName), 'utf8')).replace(/^\uFEFF/, '');
    if (query.trim() === '') continue;
    operations.push({ title: titleOf(query) ?? fileName.slice(0, -'.graphql'.length), query });
  }
  return operations;
}

/** The text of the first non-blank line when it is a non-empty `#` comment. */
function titleOf(query: string): string | undefined {
  const firstLine = query.split(/\r?\n/).find((line) => line.trim() !== '');
  const title = firstLine && TITLE_LINE.exec(firstLine.trim())?.[1];
  return title || undefined;
}

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
