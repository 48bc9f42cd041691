import { badUserInput } from '../errors';

export interface CursorCodec {
  encode(id: string): string;
  /** The id inside a cursor this codec made; BAD_USER_INPUT for anything else. */
  decode(cursor: string): string;
}

/**
 * Opaque Relay cursors for one kind of list: base64url of `<kind>:<id>`. A cursor names an
 * item, not a position, so a page boundary stays put when items arrive ahead of it; the kind
 * prefix makes a cursor from another list a clear error instead of a silent wrong page.
 * `validate` may reject ids that cannot be in the list (it throws with a reason).
 */
export function createCursorCodec(kind: string, validate?: (id: string) => void): CursorCodec {
  const prefix = `${kind}:`;
  const encode = (id: string) => Buffer.from(`${prefix}${id}`, 'utf8').toString('base64url');
  return {
    encode,
    decode(cursor) {
      const invalid = (why: string) =>
        badUserInput(`The cursor ${JSON.stringify(cursor)} is invalid: ${why}; pass an endCursor returned by a previous page.`, { after: cursor });
      if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('it is not a devgraph cursor');
      const text = Buffer.from(cursor, 'base64url').toString('utf8');
      // Decoding is lenient; the round trip rejects strings that merely look like base64url.
      if (!text.startsWith(prefix) || encode(text.slice(prefix.length)) !== cursor) throw invalid(`it is not a cursor of this ${kind} list`);
      const id = text.slice(prefix.length);
      if (validate) {
        try {
          validate(id);
        } catch (error) {
          throw invalid((error as Error).message);
        }
      }
      return id;
    },
  };
}
