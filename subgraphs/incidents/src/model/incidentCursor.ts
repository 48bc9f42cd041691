import { badUserInput, pageAfterId } from '@devgraph/runtime';

/**
 * Cursors for `Component.incidents`: base64 of `incident:<id>`. An id (not a position) keeps a
 * cursor valid while new incidents arrive at the top of the newest-first list.
 */
const PREFIX = 'incident:';

export const encodeIncidentCursor = (id: string) => Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64');

export function decodeIncidentCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith(PREFIX) || encodeIncidentCursor(text.slice(PREFIX.length)) !== cursor) {
    throw badUserInput(`The cursor "${cursor}" is invalid; pass an endCursor returned by a previous page.`, { after: cursor });
  }
  return text.slice(PREFIX.length);
}

export const MAX_INCIDENTS_PAGE = 100;

export interface IncidentPage<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  truncated: boolean;
}

/** One page of an already-sorted list; an `after` no longer in the list is a BAD_USER_INPUT. */
export function pageOf<T extends { id: string }>(all: readonly T[], first: number, after: string | null | undefined, truncated: boolean): IncidentPage<T> {
  const page = pageAfterId(all, first, after, { encode: encodeIncidentCursor, decode: decodeIncidentCursor }, (cursor) =>
    `The cursor "${cursor}" points at an incident outside this list (resolved away or out of the window); start again without after.`,
  );
  return { ...page, truncated };
}
