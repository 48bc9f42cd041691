/**
 * The catalog as the resolvers see it: entities by ref, relations in both directions, filtered
 * and paged listing, and every problem found on the way.
 *
 * An index is immutable once built, so a reload builds a new one and swaps the reference; readers
 * holding the old index keep a consistent view. The entities it serves are frozen COPIES of the
 * input with `ref` recomputed canonically and `relations` filled; the input objects are not
 * modified, but their `metadata` and `spec` are shared with the copies and must not be mutated.
 *
 * Everything is precomputed in O(n + r log r) (n entities, r relations) so lookups are map reads
 * and a listing costs one pass over the smallest candidate list its filter allows.
 */
import { entityRelations, RELATION_TYPES } from '../entity/entityRelations';
import { normalizeEntityRef, stringifyEntityRef } from '../entity/entityRef';
import { describeSource } from '../entity/describeSource';
import { createEntityQuery, type EntityFacets, type EntityPageRequest } from './createEntityQuery';
import { createEntityGraph, type TraversalDirection, type TraversalOptions } from './createEntityGraph';
import type { CatalogEntity, CatalogProblem, EntityFacetField, EntityFilter, EntityPath, EntityQueryPage, EntityRelation, FacetCount, RelationType } from '../types';

export interface CatalogIndex {
  /** The entity with this ref (any case; kind required), or undefined, also for a malformed ref. */
  get(ref: string): CatalogEntity | undefined;
  /** Existing targets of `ref`'s relations of `type`, ordered by target ref; dangling ones skipped.
   *  Unknown or malformed `ref`: []. */
  related(ref: string, type: RelationType): CatalogEntity[];
  /** Target refs of `ref`'s relations of `type`, ordered, dangling ones included. */
  relatedRefs(ref: string, type: RelationType): string[];
  /**
   * Entities matching `filter`, ordered by ref, `first` of them after the ref `afterRef`.
   * Throws an Error saying so when `first` is negative or an owner/system filter is not a valid ref.
   */
  query(filter: EntityFilter | null | undefined, page: EntityPageRequest): EntityQueryPage;
  /** Entities matching `filter` counted by one field's values, by count descending then value.
   *  Throws like `query` for a bad filter. */
  facetCounts(field: EntityFacetField, filter: EntityFilter | null | undefined): FacetCount[];
  /**
   * Entities reachable from `ref` within `depth` steps (see createEntityGraph for the relations
   * each direction follows), each once at its shortest depth, by depth then ref. `kinds` narrows
   * the results, not the walk. Unknown ref: []. Throws a RangeError for a depth out of 1..10.
   */
  traverse(ref: string, direction: TraversalDirection, options: TraversalOptions): EntityPath[];
  /** What `ref` (a group) owns, with `recursive` also what its descendant groups own; by ref. */
  owned(ref: string, options: { recursive: boolean }): CatalogEntity[];
  /** APIs the components of system `ref` consume (or provide), deduplicated, by ref. */
  systemApis(ref: string, relation: 'consumesApi' | 'providesApi'): CatalogEntity[];
  /** Reader problems given to the index, then duplicate refs, bad spec refs and dangling references. */
  readonly problems: readonly CatalogProblem[];
  readonly size: number;
}

type RelationTargets = Map<RelationType, string[]>;

export function createCatalogIndex(
  entities: readonly CatalogEntity[],
  problems: readonly CatalogProblem[] = [],
): CatalogIndex {
  const allProblems: CatalogProblem[] = [...problems];
  const inputs = uniqueByRef(entities, allProblems);
  const targets = new Map<string, Map<RelationType, Set<string>>>();
  const addTarget = (from: string, type: RelationType, to: string) => {
    let byType = targets.get(from);
    if (!byType) targets.set(from, (byType = new Map()));
    let set = byType.get(type);
    if (!set) byType.set(type, (set = new Set()));
    set.add(to);
  };

  const facetsByRef = new Map<string, EntityFacets>();
  for (const [ref, entity] of inputs) {
    const { relations, problems: refProblems } = entityRelations(entity);
    for (const message of refProblems) {
      allProblems.push({ kind: 'INVALID_ENTITY', ...sourceOf(entity), entityRef: ref, message });
    }
    for (const relation of relations) {
      addTarget(ref, relation.type, relation.targetRef);
      if (inputs.has(relation.targetRef)) {
        addTarget(relation.targetRef, relation.reverseType, ref);
      } else {
        allProblems.push({
          kind: 'DANGLING_REFERENCE',
          ...sourceOf(entity),
          entityRef: ref,
          message: `${entity.kind} ${JSON.stringify(entity.metadata.name)}: ${relation.field} refers to ${relation.targetRef}, which is not in the catalog`,
        });
      }
    }
    facetsByRef.set(ref, facetsOf(ref, entity, relations));
  }

  const sortedRefs = [...inputs.keys()].sort();
  const byRef = new Map<string, CatalogEntity>();
  const relationTargets = new Map<string, RelationTargets>();
  for (const ref of sortedRefs) {
    const sorted: RelationTargets = new Map();
    for (const [type, set] of targets.get(ref) ?? []) sorted.set(type, Object.freeze([...set].sort()) as string[]);
    relationTargets.set(ref, sorted);
    const relations: EntityRelation[] = RELATION_TYPES.flatMap((type) =>
      (sorted.get(type) ?? []).map((targetRef) => Object.freeze({ type, targetRef })),
    );
    const input = inputs.get(ref) as CatalogEntity;
    byRef.set(ref, Object.freeze({ ...input, ref, relations: Object.freeze(relations) as EntityRelation[] }));
  }

  const idOf = new Map(sortedRefs.map((ref, id) => [ref, id]));
  const entitiesById = sortedRefs.map((ref) => byRef.get(ref) as CatalogEntity);
  const graph = createEntityGraph(sortedRefs, idOf, entitiesById, (id, type) => relationTargets.get(sortedRefs[id]!)?.get(type) ?? []);
  const facets = sortedRefs.map((ref) => {
    const f = facetsByRef.get(ref) as EntityFacets;
    // Entities other than systems are in the domain of their system (not recursively: a
    // subdomain's systems are not in the parent domain).
    if (f.kind !== 'system' && f.systemRef) {
      const domainRef = facetsByRef.get(f.systemRef)?.domainRef;
      return domainRef ? { ...f, domainRef } : f;
    }
    return f;
  });
  const { query, facetCounts } = createEntityQuery(sortedRefs, facets, entitiesById, graph.subgroupsOf);
  // Lookups never throw: a malformed ref is simply not in the catalog. This keeps a DataLoader
  // batch alive when one federated ref is garbage; callers that must tell "malformed" from
  // "unknown" (Query.entity) parse the ref themselves first.
  const key = (ref: string): string | undefined => {
    if (byRef.has(ref)) return ref;
    try {
      return normalizeEntityRef(ref);
    } catch {
      return undefined;
    }
  };
  const targetsOf = (ref: string, type: RelationType): readonly string[] => {
    const normalized = key(ref);
    return (normalized === undefined ? undefined : relationTargets.get(normalized)?.get(type)) ?? [];
  };

  const index: CatalogIndex = {
    get: (ref) => {
      const normalized = key(ref);
      return normalized === undefined ? undefined : byRef.get(normalized);
    },
    relatedRefs: (ref, type) => [...targetsOf(ref, type)],
    related: (ref, type) => targetsOf(ref, type).flatMap((target) => byRef.get(target) ?? []),
    query,
    facetCounts,
    traverse: (ref, direction, options) => {
      const normalized = key(ref);
      return normalized === undefined ? [] : graph.traverse(normalized, direction, options);
    },
    owned: (ref, { recursive }) => {
      const normalized = key(ref);
      return normalized === undefined ? [] : graph.owned(normalized, recursive);
    },
    systemApis: (ref, relation) => {
      const normalized = key(ref);
      return normalized === undefined ? [] : graph.systemApis(normalized, relation);
    },
    problems: Object.freeze(allProblems),
    size: byRef.size,
  };
  return Object.freeze(index);
}

/** First entity per ref wins (the reader already does this; the index must not trust its input). */
function uniqueByRef(entities: readonly CatalogEntity[], problems: CatalogProblem[]): Map<string, CatalogEntity> {
  const byRef = new Map<string, CatalogEntity>();
  for (const entity of entities) {
    const ref = stringifyEntityRef({
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
    });
    const first = byRef.get(ref);
    if (first) {
      problems.push({
        kind: 'DUPLICATE_REF',
        ...sourceOf(entity),
        entityRef: ref,
        message: `${ref} is declared twice: kept ${describeSource(first)}, ignored ${describeSource(entity)}`,
      });
    } else {
      byRef.set(ref, entity);
    }
  }
  return byRef;
}

function facetsOf(ref: string, entity: CatalogEntity, relations: ReturnType<typeof entityRelations>['relations']): EntityFacets {
  const { metadata, spec } = entity;
  const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);
  return {
    kind: ref.slice(0, ref.indexOf(':')),
    namespace: metadata.namespace.toLowerCase(),
    type: lower(spec.type),
    lifecycle: lower(spec.lifecycle),
    // By type, not spec field, so relations a source declared (Backstage) facet the same way.
    ownerRef: relations.find((r) => r.type === 'ownedBy')?.targetRef,
    systemRef: relations.find((r) => r.type === 'partOf' && r.targetRef.startsWith('system:'))?.targetRef,
    // Only a System's own domain here; createCatalogIndex gives other entities their system's.
    domainRef: ref.startsWith('system:') ? relations.find((r) => r.type === 'partOf' && r.targetRef.startsWith('domain:'))?.targetRef : undefined,
    annotations: metadata.annotations,
    tags: metadata.tags.map((tag) => tag.toLowerCase()),
    // NUL keeps a search for "a b" from matching across the end of the name and the title.
    text: [metadata.name, metadata.title ?? '', metadata.description ?? ''].join('\u0000').toLowerCase(),
  };
}

function sourceOf(entity: CatalogEntity): Pick<CatalogProblem, 'location' | 'documentIndex' | 'line'> {
  return {
    location: entity.source.file,
    documentIndex: entity.source.documentIndex,
    ...(entity.source.line !== undefined && { line: entity.source.line }),
  };
}
