import { createCursorCodec } from '@devgraph/runtime';

/**
 * Cursors of `Query.experiments`: the shared codec over the id of the last experiment seen. An id
 * (not a position) keeps a page boundary in place when experiments are added in front of it
 * between two requests (the list is newest first). Same bytes as the cursors devgraph issued
 * before the codec was shared (`experiment:<id>`, base64url), so a client's saved cursor still works.
 */
export const experimentCursor = createCursorCodec('experiment');
