import { badUserInput, checkPageSize } from '@devgraph/runtime';
import type { CatalogIndex } from '@devgraph/catalog-model';
import { entityCursor } from './entityCursor';
import type { EntityFilter, EntityPage } from './types';

/** What `entities` gives when `first` is omitted (the schema's default says the same). */
export const DEFAULT_PAGE_SIZE = 20;

/** The biggest page a client may ask for: large enough for a dashboard, small enough to stay cheap. */
export const MAX_PAGE_SIZE = 500;

/**
 * One Relay page of the snapshot's filtered listing, after the entity the cursor `after` names.
 * A bad page size, cursor or filter (an owner that is not a ref) is BAD_USER_INPUT saying which.
 */
export function pageEntities(
  snapshot: CatalogIndex,
  filter: EntityFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): EntityPage {
  const size = checkPageSize(first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const afterRef = after === null || after === undefined ? undefined : entityCursor.decode(after);
  let page;
  try {
    page = snapshot.query(filter ?? undefined, { first: size, afterRef });
  } catch (error) {
    throw badUserInput((error as Error).message, { filter });
  }
  return { ...page, cursors: page.items.map((entity) => entityCursor.encode(entity.ref)) };
}
