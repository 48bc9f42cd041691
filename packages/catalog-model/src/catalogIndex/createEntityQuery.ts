/**
 * Filtered, cursor-paged listing and facet counts over a fixed, ref-sorted set of entities (the
 * `query` and `facetCounts` of a CatalogIndex).
 *
 * Every filter field but `annotationValue` has an inverted index (createPostingIndex; text:
 * createTextIndex).
 * A query walks the shortest posting list its criteria allow and keeps the ids every other
 * criterion accepts, so its cost is the size of the most selective criterion, not of the catalog.
 * All criteria combine with AND. `totalCount` needs every match, so the walk is never cut short.
 */
import { DEFAULT_NAMESPACE, normalizeEntityRef } from '../entity/entityRef';
import { contains, createPostingIndex, lowerBound, unionOf, type PostingIndex, type PostingList } from './createPostingIndex';
import { createTextIndex } from './createTextIndex';
import type { CatalogEntity, EntityFacetField, EntityFilter, EntityQueryPage, FacetCount } from '../types';

/** What a filter can look at, precomputed per entity; strings lower-case except annotation keys. */
export interface EntityFacets {
  kind: string;
  namespace: string;
  type?: string;
  lifecycle?: string;
  /** Normalised spec.owner (defaulted in the entity's namespace), present even if it dangles. */
  ownerRef?: string;
  systemRef?: string;
  /** A System's domain, or the domain of the entity's system. */
  domainRef?: string;
  tags: string[];
  /** Annotations as written (keys are case-sensitive in Backstage). */
  annotations: Readonly<Record<string, string>>;
  /** name, title and description joined, for substring search. */
  text: string;
}

export interface EntityPageRequest {
  first: number;
  /**
   * Ref of the last item of the previous page. A ref (not a position) keeps a page boundary
   * meaningful after entities are added or removed, and after a reload swaps the index: the page
   * simply starts after that ref, whether or not the entity still exists. Turning it into an
   * opaque cursor is the API's job, not the index's.
   */
  afterRef?: string | null;
}

export interface EntityQuery {
  query(filter: EntityFilter | null | undefined, page: EntityPageRequest): EntityQueryPage;
  /** Matching entities counted by one field's values, by count descending then value. */
  facetCounts(field: EntityFacetField, filter: EntityFilter | null | undefined): FacetCount[];
}

/** One AND-ed condition: its candidate ids (when it has a posting list) and a membership test. */
interface Criterion {
  size: number;
  ids(): PostingList;
  has(id: number): boolean;
}

const one = (value: string | undefined) => (value === undefined ? [] : [value]);

const FACET_VALUES: Record<EntityFacetField, (f: EntityFacets) => readonly string[]> = {
  KIND: (f) => [f.kind],
  NAMESPACE: (f) => [f.namespace],
  TYPE: (f) => one(f.type),
  LIFECYCLE: (f) => one(f.lifecycle),
  OWNER: (f) => one(f.ownerRef),
  SYSTEM: (f) => one(f.systemRef),
  DOMAIN: (f) => one(f.domainRef),
  TAG: (f) => f.tags,
};

/**
 * `facets[id]` and `entities[id]` describe `sortedRefs[id]`. `subgroupsOf(groupRef)` is the group
 * and its descendant groups, for `ownerIncludingSubgroups`.
 */
export function createEntityQuery(
  sortedRefs: readonly string[],
  facets: readonly EntityFacets[],
  entities: readonly CatalogEntity[],
  subgroupsOf: (groupRef: string) => readonly string[],
): EntityQuery {
  const size = sortedRefs.length;
  const all = Int32Array.from({ length: size }, (_, id) => id);
  const indexes = Object.fromEntries(
    (Object.keys(FACET_VALUES) as EntityFacetField[]).map((field) => [field, createPostingIndex(size, (id) => FACET_VALUES[field](facets[id]!))]),
  ) as Record<EntityFacetField, PostingIndex>;
  const byAnnotation = createPostingIndex(size, (id) => Object.keys(facets[id]!.annotations));
  const search = createTextIndex(facets.map((f) => f.text));

  const indexed = (index: PostingIndex, values: readonly string[]): Criterion => {
    const lists = values.map((value) => index.list(value));
    const tests = values.map((value) => index.membership(value));
    return {
      size: lists.reduce((sum, list) => sum + list.length, 0),
      ids: () => unionOf(lists),
      has: tests.length === 1 ? tests[0]! : (id) => tests.some((test) => test(id)),
    };
  };
  const predicate = (has: (f: EntityFacets) => boolean): Criterion => ({ size: Infinity, ids: () => all, has: (id) => has(facets[id]!) });

  function criteriaOf(filter: EntityFilter | null | undefined): Criterion[] {
    if (!filter) return [];
    const c: Criterion[] = [];
    const lower = (value: string | null | undefined) => (value === null || value === undefined ? undefined : value.toLowerCase());
    // An empty kind list is read as "no kind filter", like an absent one, not as "no entity".
    if (filter.kind && filter.kind.length > 0) c.push(indexed(indexes.KIND, [...new Set(filter.kind.map((k) => k.toLowerCase()))]));
    const exact = (index: PostingIndex, value: string | undefined) => value !== undefined && c.push(indexed(index, [value]));
    exact(indexes.NAMESPACE, lower(filter.namespace));
    exact(indexes.TYPE, lower(filter.type));
    exact(indexes.LIFECYCLE, lower(filter.lifecycle));
    exact(indexes.SYSTEM, filterRef(filter.system, 'system', 'system'));
    exact(indexes.DOMAIN, filterRef(filter.domain, 'domain', 'domain'));
    exact(indexes.TAG, lower(filter.tag));
    const owner = filterRef(filter.owner, 'owner', 'group');
    if (filter.ownerIncludingSubgroups && owner === undefined) throw new Error('filter.ownerIncludingSubgroups needs filter.owner');
    if (owner !== undefined) c.push(indexed(indexes.OWNER, filter.ownerIncludingSubgroups ? subgroupsOf(owner) : [owner]));
    const key = filter.annotation ?? undefined;
    const value = filter.annotationValue ?? undefined;
    if (value !== undefined && key === undefined) throw new Error('filter.annotationValue needs filter.annotation (the key)');
    if (key !== undefined) c.push(indexed(byAnnotation, [key]));
    if (key !== undefined && value !== undefined) c.push(predicate((f) => f.annotations[key] === value));
    const text = lower(filter.text);
    if (text !== undefined) {
      // Scanning every text costs about as much as checking a sixteenth of them one by one.
      const smallest = Math.min(...c.map((criterion) => criterion.size));
      if (smallest * 16 < size) c.push(predicate((f) => f.text.includes(text)));
      else {
        const ids = search(text);
        c.push({ size: ids.length, ids: () => ids, has: (id) => contains(ids, id) });
      }
    }
    return c;
  }

  /** Ascending ids of the entities matching every criterion. */
  function match(filter: EntityFilter | null | undefined): PostingList {
    const criteria = criteriaOf(filter).sort((a, b) => a.size - b.size);
    if (criteria.length === 0) return all;
    const [shortest, ...rest] = criteria as [Criterion, ...Criterion[]];
    const candidates = shortest.ids();
    const matched = new Int32Array(candidates.length);
    let count = 0;
    for (const id of candidates) {
      if ((shortest.size !== Infinity || shortest.has(id)) && rest.every((criterion) => criterion.has(id))) matched[count++] = id;
    }
    return matched.subarray(0, count);
  }

  return {
    query(filter, page) {
      const { first } = page;
      if (!Number.isInteger(first) || first < 0) {
        throw new Error(`first must be a non-negative integer, got ${String(first)}`);
      }
      const after = page.afterRef ?? undefined;
      const matched = match(filter);
      // The page starts at the first match after the ref, whether or not that entity still exists.
      const start = after === undefined ? 0 : lowerBound(matched, firstIndexAfter(sortedRefs, after));
      const ids = matched.subarray(start, start + first);
      return {
        items: Array.from(ids, (id) => entities[id]!),
        totalCount: matched.length,
        hasNextPage: start + ids.length < matched.length,
        hasPreviousPage: start > 0,
      };
    },
    facetCounts(field, filter) {
      const matched = match(filter);
      const counts = matched === all ? indexes[field].counts : indexes[field].countIn(matched);
      return [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    },
  };
}

/** `team-a` -> `group:default/team-a`: a filter has no entity whose namespace could be the default. */
function filterRef(value: string | null | undefined, field: string, defaultKind: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    return normalizeEntityRef(value, { defaultKind, defaultNamespace: DEFAULT_NAMESPACE });
  } catch (error) {
    throw new Error(`filter.${field}: ${(error as Error).message}`);
  }
}

/** Index of the first ref strictly greater than `ref` (binary search; refs sorted by `<`). */
function firstIndexAfter(refs: readonly string[], ref: string): number {
  let low = 0;
  let high = refs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (refs[mid]! <= ref) low = mid + 1;
    else high = mid;
  }
  return low;
}
