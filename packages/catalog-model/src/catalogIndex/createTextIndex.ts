/**
 * Case-insensitive substring search over every entity's name, title and description.
 *
 * All texts are joined into one string with a separator that no query can match across, so a
 * search is a loop of native `indexOf` calls over a few MB (far faster than one `includes` per
 * entity) and each hit maps back to its entity by binary search over the start offsets. The
 * result is a posting list like the other filters', so text combines with them by size.
 */
import { lowerBound, type PostingList } from './createPostingIndex';

/** Between two entities' texts; a needle containing it matches nothing. */
const SEPARATOR = '\u0001';

/** `texts[id]`: lower-case text of entity `id`. Returns the ascending ids whose text contains `needle` (lower-case). */
export function createTextIndex(texts: readonly string[]): (needle: string) => PostingList {
  const starts = new Int32Array(texts.length);
  let offset = 0;
  texts.forEach((text, id) => {
    starts[id] = offset;
    offset += text.length + SEPARATOR.length;
  });
  const haystack = texts.join(SEPARATOR);

  return (needle) => {
    if (needle.includes(SEPARATOR)) return new Int32Array(0);
    if (needle === '') return Int32Array.from(texts.keys());
    const ids: number[] = [];
    for (let at = haystack.indexOf(needle); at !== -1; ) {
      const id = lowerBound(starts, at + 1) - 1;
      ids.push(id);
      // One hit per entity is enough: continue from the start of the next entity's text.
      const next = id + 1 < texts.length ? starts[id + 1]! : haystack.length;
      at = haystack.indexOf(needle, next);
    }
    return Int32Array.from(ids);
  };
}
