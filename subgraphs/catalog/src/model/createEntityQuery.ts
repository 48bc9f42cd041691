/**
 * Filtered, cursor-paged listing over a fixed, ref-sorted set of entities (the `query` of a
 * CatalogIndex). Secondary indexes by kind, namespace, owner, system and tag pick the smallest
 * candidate list a filter allows; the remaining criteria are checked on that list only.
 */
import { decodeCursor, encodeCursor } from './entityCursor';
import { DEFAULT_NAMESPACE, normalizeEntityRef } from './entityRef';
import type { CatalogEntity, EntityFilter, EntityPage } from './types';

/** What a filter can look at, precomputed per entity; strings lower-case. */
export interface EntityFacets {
  kind: string;
  namespace: string;
  type?: string;
  lifecycle?: string;
  /** Normalised spec.owner (defaulted in the entity's namespace), present even if it dangles. */
  ownerRef?: string;
  systemRef?: string;
  tags: string[];
  /** name, title and description joined, for substring search. */
  text: string;
}

export interface EntityPageRequest {
  first: number;
  /** Cursor of the last item of the previous page. */
  after?: string | null;
}

interface Criteria {
  kinds?: Set<string>;
  namespace?: string;
  type?: string;
  lifecycle?: string;
  ownerRef?: string;
  systemRef?: string;
  tag?: string;
  text?: string;
}

export function createEntityQuery(
  sortedRefs: readonly string[],
  facets: ReadonlyMap<string, EntityFacets>,
  byRef: ReadonlyMap<string, CatalogEntity>,
): (filter: EntityFilter | null | undefined, page: EntityPageRequest) => EntityPage {
  const byKind = groupRefs(sortedRefs, facets, (f) => [f.kind]);
  const byNamespace = groupRefs(sortedRefs, facets, (f) => [f.namespace]);
  const byOwner = groupRefs(sortedRefs, facets, (f) => (f.ownerRef ? [f.ownerRef] : []));
  const bySystem = groupRefs(sortedRefs, facets, (f) => (f.systemRef ? [f.systemRef] : []));
  const byTag = groupRefs(sortedRefs, facets, (f) => [...new Set(f.tags)]);

  function candidatesFor(c: Criteria): readonly string[] {
    const lists: (readonly string[])[] = [];
    if (c.kinds) {
      const perKind = [...c.kinds].map((kind) => byKind.get(kind) ?? []);
      lists.push(perKind.length === 1 ? (perKind[0] ?? []) : perKind.flat().sort());
    }
    if (c.namespace !== undefined) lists.push(byNamespace.get(c.namespace) ?? []);
    if (c.ownerRef !== undefined) lists.push(byOwner.get(c.ownerRef) ?? []);
    if (c.systemRef !== undefined) lists.push(bySystem.get(c.systemRef) ?? []);
    if (c.tag !== undefined) lists.push(byTag.get(c.tag) ?? []);
    return lists.reduce((smallest, list) => (list.length < smallest.length ? list : smallest), sortedRefs);
  }

  return (filter, page) => {
    const { first } = page;
    if (!Number.isInteger(first) || first < 0) {
      throw new Error(`first must be a non-negative integer, got ${String(first)}`);
    }
    const after = page.after === undefined || page.after === null ? undefined : decodeCursor(page.after);
    const criteria = toCriteria(filter);
    const hasCriteria = Object.keys(criteria).length > 0;
    const matched = hasCriteria
      ? candidatesFor(criteria).filter((ref) => matches(facets.get(ref), criteria))
      : sortedRefs;

    const start = after === undefined ? 0 : firstIndexAfter(matched, after);
    const refs = matched.slice(start, start + first);
    return {
      items: refs.map((ref) => byRef.get(ref) as CatalogEntity),
      totalCount: matched.length,
      hasNextPage: start + refs.length < matched.length,
      hasPreviousPage: start > 0,
      cursors: refs.map(encodeCursor),
    };
  };
}

/** Normalises the filter once per query; absent (null/undefined) fields do not filter. */
function toCriteria(filter: EntityFilter | null | undefined): Criteria {
  const c: Criteria = {};
  if (!filter) return c;
  const lower = (value: string | null | undefined) => (value === null || value === undefined ? undefined : value.toLowerCase());
  // An empty kind list is read as "no kind filter", like an absent one, not as "no entity".
  if (filter.kind && filter.kind.length > 0) c.kinds = new Set(filter.kind.map((k) => k.toLowerCase()));
  const set = <K extends keyof Criteria>(key: K, value: Criteria[K] | undefined) => {
    if (value !== undefined) c[key] = value;
  };
  set('namespace', lower(filter.namespace));
  set('type', lower(filter.type));
  set('lifecycle', lower(filter.lifecycle));
  set('ownerRef', filterRef(filter.owner, 'owner', 'group'));
  set('systemRef', filterRef(filter.system, 'system', 'system'));
  set('tag', lower(filter.tag));
  set('text', lower(filter.text));
  return c;
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

function matches(f: EntityFacets | undefined, c: Criteria): boolean {
  if (!f) return false;
  return (
    (c.kinds === undefined || c.kinds.has(f.kind)) &&
    (c.namespace === undefined || f.namespace === c.namespace) &&
    (c.type === undefined || f.type === c.type) &&
    (c.lifecycle === undefined || f.lifecycle === c.lifecycle) &&
    (c.ownerRef === undefined || f.ownerRef === c.ownerRef) &&
    (c.systemRef === undefined || f.systemRef === c.systemRef) &&
    (c.tag === undefined || f.tags.includes(c.tag)) &&
    (c.text === undefined || f.text.includes(c.text))
  );
}

/** Index of the first ref strictly greater than `ref` (binary search; refs sorted by `<`). */
function firstIndexAfter(refs: readonly string[], ref: string): number {
  let low = 0;
  let high = refs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((refs[mid] as string) <= ref) low = mid + 1;
    else high = mid;
  }
  return low;
}

function groupRefs(
  sortedRefs: readonly string[],
  facets: ReadonlyMap<string, EntityFacets>,
  keysOf: (f: EntityFacets) => string[],
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const ref of sortedRefs) {
    const f = facets.get(ref);
    if (!f) continue;
    for (const key of keysOf(f)) {
      const list = groups.get(key);
      if (list) list.push(ref);
      else groups.set(key, [ref]);
    }
  }
  return groups;
}
