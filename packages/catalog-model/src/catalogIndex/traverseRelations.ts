/**
 * Breadth-first traversal of a RelationGraph from one entity: every entity reachable within
 * `maxDepth` steps, each once at its shortest depth, so cycles end the walk instead of looping.
 *
 * Order is deterministic: by depth, then by id (= ref order). Each entity remembers the entity it
 * was first reached from; levels are expanded in id order, so that is the predecessor with the
 * smallest ref at the previous depth, and `pathTo` is a shortest path that does not change
 * between two identical indexes.
 */
import type { RelationGraph } from './createRelationGraph';

/** Deep enough for any real dependency chain, shallow enough that one query stays bounded. */
export const MAX_TRAVERSAL_DEPTH = 10;

/** Throws a RangeError saying the allowed range for a depth outside 1..MAX_TRAVERSAL_DEPTH. */
export function checkTraversalDepth(depth: number): void {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_TRAVERSAL_DEPTH) {
    throw new RangeError(`depth must be between 1 and ${MAX_TRAVERSAL_DEPTH}, got ${depth}`);
  }
}

export interface Traversal {
  /** Reached ids (the start excluded), by depth then id. */
  readonly ids: readonly number[];
  /** Depth of each id in `ids`, same order, from 1. */
  readonly depths: readonly number[];
  /** Ids from the start (included) to `id` (included); [] for an id not reached. */
  pathTo(id: number): number[];
}

export function traverseRelations(graph: RelationGraph, start: number, maxDepth: number): Traversal {
  checkTraversalDepth(maxDepth);
  // A Map, not an n-sized array: most traversals reach a handful of entities out of 100k.
  const parent = new Map<number, number>([[start, start]]);
  const ids: number[] = [];
  const depths: number[] = [];
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const from of frontier) {
      for (const to of graph.neighbours(from)) {
        if (parent.has(to)) continue;
        parent.set(to, from);
        next.push(to);
      }
    }
    next.sort((a, b) => a - b);
    for (const id of next) {
      ids.push(id);
      depths.push(depth);
    }
    frontier = next;
  }
  return {
    ids,
    depths,
    pathTo(id) {
      if (!parent.has(id)) return [];
      const path = [id];
      for (let at = id; at !== start; ) {
        at = parent.get(at)!;
        path.push(at);
      }
      return path.reverse();
    },
  };
}

/** Every id reachable from `start` (included) at any depth, ascending; cycle-safe. */
export function reachableFrom(graph: RelationGraph, start: number): number[] {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const to of graph.neighbours(stack.pop()!)) {
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}
