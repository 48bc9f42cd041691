import { createHash } from 'node:crypto';
import { loadExampleOperations } from '../../graphiql/loadExampleOperations';

/** The id clients send for a document: the SHA-256 of its exact text, hex (what APQ clients compute). */
export function documentHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/**
 * A trusted-documents manifest from a directory of `.graphql` files (`demo/queries`), in the
 * client preset's `persisted-documents.json` shape: `{ "<sha256>": "<document>" }`. Documents
 * are kept verbatim, so GraphiQL's Examples (which send the file text) are trusted as they are.
 */
export async function buildTrustedDocuments(dir: string): Promise<Record<string, string>> {
  const manifest: Record<string, string> = {};
  for (const { query } of await loadExampleOperations(dir)) manifest[documentHash(query)] = query;
  return manifest;
}
