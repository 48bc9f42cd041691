/**
 * Paging cursors: base64 of the last ref seen. A ref (not a position) keeps a cursor meaningful
 * after entities are added or removed, and after a reload swaps the index: the next page simply
 * starts after that ref, whether or not the entity still exists.
 */
import { normalizeEntityRef } from './entityRef';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function encodeCursor(ref: string): string {
  return Buffer.from(ref, 'utf8').toString('base64');
}

/** The ref inside a cursor; throws an Error saying the cursor is invalid otherwise. */
export function decodeCursor(cursor: string): string {
  const invalid = (why: string) =>
    new Error(`The cursor ${JSON.stringify(cursor)} is invalid: ${why}; pass a cursor returned by a previous page`);
  if (typeof cursor !== 'string' || !BASE64.test(cursor)) throw invalid('it is not base64');
  const ref = Buffer.from(cursor, 'base64').toString('utf8');
  // Buffer decoding is lenient; the round trip rejects strings that merely look like base64.
  if (encodeCursor(ref) !== cursor) throw invalid('it is not base64');
  let normalized: string;
  try {
    normalized = normalizeEntityRef(ref);
  } catch {
    throw invalid('it does not hold an entity ref');
  }
  if (normalized !== ref) throw invalid('it does not hold an entity ref');
  return ref;
}
