/**
 * The graph questions users ask of a catalog, answered from adjacency precomputed when the
 * index is built: transitive dependencies and dependents, what a group owns including its
 * sub-groups, and the APIs a system's components consume or provide.
 *
 * Which relations a traversal follows (one graph each way, each the exact reverse of the other,
 * so B is a dependency of A at depth d exactly when A is a dependent of B at depth d):
 *
 * | direction      | follows                                   | meaning                                      |
 * |----------------|-------------------------------------------|----------------------------------------------|
 * | `dependencies` | dependsOn, consumesApi, apiProvidedBy     | what this needs: what it depends on, the APIs it consumes, the components providing an API |
 * | `dependents`   | dependencyOf, apiConsumedBy, providesApi  | blast radius: what breaks if this fails, through APIs too (provider -> its API -> the API's consumers) |
 *
 * Ownership, membership and partOf/hasPart are not followed: a failing system does not break its
 * owner, and a component is not "broken" by the system it belongs to.
 */
import { createRelationGraph, type TargetsOf } from './createRelationGraph';
import { checkTraversalDepth, reachableFrom, traverseRelations, type Traversal } from './traverseRelations';
import type { CatalogEntity, EntityPath, RelationType } from '../types';

export type TraversalDirection = 'dependencies' | 'dependents';

export interface TraversalOptions {
  /** 1..MAX_TRAVERSAL_DEPTH. */
  depth: number;
  /** Lower-case kinds to return (the walk still passes through other kinds); all when absent/empty. */
  kinds?: readonly string[] | null;
}

export interface EntityGraph {
  traverse(ref: string, direction: TraversalDirection, options: TraversalOptions): EntityPath[];
  owned(groupRef: string, recursive: boolean): CatalogEntity[];
  systemApis(systemRef: string, relation: 'consumesApi' | 'providesApi'): CatalogEntity[];
  /** The group and its descendant groups (children, their children, ...), cycle-safe; just
   *  `[groupRef]` for a ref that is not a group in the catalog. */
  subgroupsOf(groupRef: string): string[];
}

const FOLLOWS: Record<TraversalDirection, readonly RelationType[]> = {
  dependencies: ['dependsOn', 'consumesApi', 'apiProvidedBy'],
  dependents: ['dependencyOf', 'apiConsumedBy', 'providesApi'],
};

export function createEntityGraph(
  sortedRefs: readonly string[],
  idOf: ReadonlyMap<string, number>,
  entities: readonly CatalogEntity[],
  targetsOf: TargetsOf,
): EntityGraph {
  const size = sortedRefs.length;
  const graphs = {
    dependencies: createRelationGraph(size, idOf, targetsOf, FOLLOWS.dependencies),
    dependents: createRelationGraph(size, idOf, targetsOf, FOLLOWS.dependents),
  };
  const children = createRelationGraph(size, idOf, targetsOf, ['parentOf']);
  const kindOf = (id: number) => sortedRefs[id]!.slice(0, sortedRefs[id]!.indexOf(':'));
  const existing = (refs: Iterable<string>) =>
    [...new Set(refs)]
      .flatMap((ref) => idOf.get(ref) ?? [])
      .sort((a, b) => a - b)
      .map((id) => entities[id]!);
  const groupIds = (groupRef: string): number[] => {
    const id = idOf.get(groupRef);
    if (id === undefined || !groupRef.startsWith('group:')) return [];
    return reachableFrom(children, id);
  };

  return {
    traverse(ref, direction, { depth, kinds }) {
      const start = idOf.get(ref);
      checkTraversalDepth(depth);
      if (start === undefined) return [];
      const walk = traverseRelations(graphs[direction], start, depth);
      const wanted = kinds && kinds.length > 0 ? new Set(kinds) : undefined;
      const results: EntityPath[] = [];
      walk.ids.forEach((id, i) => {
        if (!wanted || wanted.has(kindOf(id))) results.push(new TraversalHit(id, walk.depths[i]!, walk, entities));
      });
      return results;
    },
    owned(groupRef, recursive) {
      const owners = recursive ? groupIds(groupRef).map((id) => sortedRefs[id]!) : [groupRef];
      return existing(owners.flatMap((owner) => targetsOf(idOf.get(owner) ?? -1, 'ownerOf')));
    },
    systemApis(systemRef, relation) {
      const system = idOf.get(systemRef);
      if (system === undefined) return [];
      const components = targetsOf(system, 'hasPart').filter((ref) => ref.startsWith('component:'));
      return existing(components.flatMap((component) => targetsOf(idOf.get(component) ?? -1, relation)));
    },
    subgroupsOf(groupRef) {
      const ids = groupIds(groupRef);
      return ids.length === 0 ? [groupRef] : ids.map((id) => sortedRefs[id]!);
    },
  };
}

/**
 * A result whose `path` is built only when read: most queries ask for the entities only. A class
 * (one getter on the prototype), not an object literal with a getter per result, which would give
 * V8 a hidden class per object.
 */
class TraversalHit implements EntityPath {
  readonly entity: CatalogEntity;

  constructor(
    private readonly id: number,
    readonly depth: number,
    private readonly walk: Traversal,
    private readonly entities: readonly CatalogEntity[],
  ) {
    this.entity = entities[id]!;
  }

  get path(): CatalogEntity[] {
    return this.walk.pathTo(this.id).map((step) => this.entities[step]!);
  }
}
