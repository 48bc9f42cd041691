/**
 * An inverted index from one facet's values (kind, owner, tag, ...) to the ids of the entities
 * holding them. Ids are positions in the ref-sorted entity list, so a posting list in id order is
 * also in ref order and a page can be cut from it directly.
 *
 * Membership is what a filter with several criteria asks most: it walks the shortest list and
 * asks the others "is this id in you?". Long lists answer from a bitset (one array read), short
 * ones by binary search; a bitset for every list would cost n/8 bytes per distinct value, which
 * for 10k owners at 100k entities is over 100 MB.
 */

/** Ids in ascending order. */
export type PostingList = Int32Array;

export interface PostingIndex {
  /** Ids of the entities with this value; empty when none. */
  list(value: string): PostingList;
  /** A membership test for this value's list, O(1) for long lists, O(log k) for short ones. */
  membership(value: string): (id: number) => boolean;
  /** How many entities hold each value (for facet counts without a filter). */
  readonly counts: ReadonlyMap<string, number>;
  /** How many of `ids` hold each value; values no id holds are left out. */
  countIn(ids: PostingList): Map<string, number>;
}

const EMPTY: PostingList = new Int32Array(0);

/** Lists at least this fraction of the catalog long get a bitset. */
const BITSET_FRACTION = 1 / 64;

/** `valuesOf(id)` for every id in 0..size-1; an entity may hold several values (tags) or none. */
export function createPostingIndex(size: number, valuesOf: (id: number) => readonly string[]): PostingIndex {
  const building = new Map<string, number[]>();
  // Each entity's values as small integers (compressed rows, like createRelationGraph), so a
  // facet count over 80k matches is integer increments, not string map updates.
  const codeOf = new Map<string, number>();
  const offsets = new Int32Array(size + 1);
  const codes: number[] = [];
  for (let id = 0; id < size; id++) {
    for (const value of valuesOf(id)) {
      const ids = building.get(value);
      if (ids === undefined) {
        building.set(value, [id]);
        codeOf.set(value, codeOf.size);
      } else if (ids[ids.length - 1] !== id) {
        ids.push(id);
      } else {
        // A value listed twice on one entity (tags: [java, java]) is indexed once.
        continue;
      }
      codes.push(codeOf.get(value)!);
    }
    offsets[id + 1] = codes.length;
  }
  const values = [...codeOf.keys()];
  const codesById = Int32Array.from(codes);
  const lists = new Map<string, PostingList>();
  const bitsets = new Map<string, Uint32Array>();
  const counts = new Map<string, number>();
  for (const [value, ids] of building) {
    const list = Int32Array.from(ids);
    lists.set(value, list);
    counts.set(value, list.length);
    if (list.length >= Math.max(64, size * BITSET_FRACTION)) bitsets.set(value, toBitset(list, size));
  }

  return {
    list: (value) => lists.get(value) ?? EMPTY,
    membership(value) {
      const bits = bitsets.get(value);
      if (bits) return (id) => (bits[id >>> 5]! & (1 << (id & 31))) !== 0;
      const list = lists.get(value) ?? EMPTY;
      return (id) => contains(list, id);
    },
    counts,
    countIn(ids) {
      const perCode = new Int32Array(values.length);
      for (const id of ids) for (let k = offsets[id]!; k < offsets[id + 1]!; k++) perCode[codesById[k]!]!++;
      const result = new Map<string, number>();
      perCode.forEach((count, code) => count > 0 && result.set(values[code]!, count));
      return result;
    },
  };
}

function toBitset(list: PostingList, size: number): Uint32Array {
  const bits = new Uint32Array((size + 31) >>> 5);
  for (const id of list) bits[id >>> 5]! |= 1 << (id & 31);
  return bits;
}

/** Binary search in an ascending list. */
export function contains(list: PostingList, id: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = list[mid]!;
    if (value === id) return true;
    if (value < id) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Index of the first id >= `id` in an ascending list (its length when there is none). */
export function lowerBound(list: ArrayLike<number>, id: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Ascending union without duplicates of ascending lists: pairwise merges, O(total * log k). */
export function unionOf(lists: readonly PostingList[]): PostingList {
  if (lists.length === 0) return EMPTY;
  let merged = [...lists];
  while (merged.length > 1) {
    const next: PostingList[] = [];
    for (let i = 0; i < merged.length; i += 2) next.push(i + 1 < merged.length ? mergeTwo(merged[i]!, merged[i + 1]!) : merged[i]!);
    merged = next;
  }
  return merged[0]!;
}

function mergeTwo(a: PostingList, b: PostingList): PostingList {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    out[n++] = x <= y ? x : y;
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}
