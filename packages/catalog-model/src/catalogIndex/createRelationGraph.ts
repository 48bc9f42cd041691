/**
 * Adjacency over entity ids for a chosen set of relation types, precomputed once per index so
 * a traversal touches integers only (no ref strings, no map lookups per edge).
 *
 * Stored as compressed sparse rows: the neighbours of `id` are `targets[offsets[id]..offsets[id+1]]`,
 * ascending (so in ref order) and without duplicates. Dangling targets have no id and are left out:
 * a traversal can only reach entities that exist.
 */
import type { RelationType } from '../types';

export interface RelationGraph {
  /** Ids reachable from `id` in one step, ascending. */
  neighbours(id: number): Int32Array;
}

/** Relation targets of the entity with id `id`, as refs, by type (the index's precomputed map). */
export type TargetsOf = (id: number, type: RelationType) => readonly string[];

export function createRelationGraph(
  size: number,
  idOf: ReadonlyMap<string, number>,
  targetsOf: TargetsOf,
  types: readonly RelationType[],
): RelationGraph {
  const offsets = new Int32Array(size + 1);
  const edges: number[] = [];
  const row: number[] = [];
  for (let id = 0; id < size; id++) {
    row.length = 0;
    for (const type of types) {
      for (const ref of targetsOf(id, type)) {
        const target = idOf.get(ref);
        if (target !== undefined) row.push(target);
      }
    }
    row.sort((a, b) => a - b);
    for (let i = 0; i < row.length; i++) if (i === 0 || row[i] !== row[i - 1]) edges.push(row[i]!);
    offsets[id + 1] = edges.length;
  }
  const targets = Int32Array.from(edges);
  return { neighbours: (id) => targets.subarray(offsets[id]!, offsets[id + 1]!) };
}
