import { badUserInput } from './errors';
import type { ConnectionPage } from './connectionResolvers';

/** How one list's cursors name an item; `decode` throws BAD_USER_INPUT for a foreign cursor. */
export interface IdCursor {
  encode(id: string): string;
  decode(cursor: string): string;
}

/**
 * One Relay page of an already-sorted list, starting after the item `after` names. Cursors
 * name an item, not a position, so a page boundary stays put when items arrive ahead of it;
 * an item that has left the list is a BAD_USER_INPUT worded by `notInList`.
 */
export function pageAfterId<T extends { id: string }>(
  all: readonly T[],
  first: number,
  after: string | null | undefined,
  cursor: IdCursor,
  notInList: (after: string) => string,
): ConnectionPage<T> {
  let start = 0;
  if (after) {
    const id = cursor.decode(after);
    const index = all.findIndex((item) => item.id === id);
    if (index < 0) throw badUserInput(notInList(after), { after });
    start = index + 1;
  }
  const items = all.slice(start, start + first);
  return {
    items,
    cursors: items.map((item) => cursor.encode(item.id)),
    hasNextPage: start + first < all.length,
    hasPreviousPage: start > 0,
    totalCount: all.length,
  };
}
