import { createCursorCodec } from '@devgraph/runtime';
import { normalizeEntityRef } from '@devgraph/catalog-model';

/**
 * A listing holds canonical refs only (lower-case, namespace filled in), so a cursor naming
 * anything else was not made by a page of it.
 */
function validateRef(id: string): void {
  let canonical: string | undefined;
  try {
    canonical = normalizeEntityRef(id);
  } catch {
    // Not a ref at all: same answer as a ref in another form.
  }
  if (canonical !== id) throw new Error('it does not hold an entity ref');
}

/**
 * Cursors of `entities`: the shared codec over the ref of the last entity seen. A ref (not a
 * position) keeps a cursor meaningful across filters, new entities and reloads.
 */
export const entityCursor = createCursorCodec('entity', validateRef);
