import { readFileSync } from 'node:fs';
import { ConfigError } from '@devgraph/runtime';

/** A trusted-documents manifest, indexed both ways. */
export interface TrustedDocuments {
  /** Manifest key (the hash a client sends) -> document text. */
  readonly byId: ReadonlyMap<string, string>;
  /** Every trusted document's text: a client sending the full text of one is sending a trusted document. */
  readonly texts: ReadonlySet<string>;
}

/** Builds the index from a manifest object: `{ "<hash>": "<document>" }`. */
export function trustedDocumentsFrom(manifest: Record<string, string>): TrustedDocuments {
  const byId = new Map(Object.entries(manifest));
  return { byId, texts: new Set(byId.values()) };
}

/**
 * Reads `TRUSTED_DOCUMENTS_PATH`: the `persisted-documents.json` GraphQL Code Generator's client
 * preset writes with `persistedDocuments: true`, or the one `npm run trusted-documents` builds:
 * one JSON object, hash -> document. Keys are used as given (the preset may hash with sha1 or
 * sha256), since the client sends the same key. Read once at start; a bad file stops the start.
 */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Configuration error: TRUSTED_DOCUMENTS_PATH="${file}" cannot be read as JSON (${(error as Error).message.split('\n', 1)[0]}); build one with npm run trusted-documents.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`Configuration error: TRUSTED_DOCUMENTS_PATH="${file}" must hold a JSON object { "<hash>": "<document>" }.`);
  }
  const manifest: Record<string, string> = {};
  for (const [id, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || document.trim() === '') {
      throw new ConfigError(`Configuration error: TRUSTED_DOCUMENTS_PATH="${file}": the entry ${JSON.stringify(id.slice(0, 80))} is not a document string.`);
    }
    manifest[id] = document;
  }
  return trustedDocumentsFrom(manifest);
}
