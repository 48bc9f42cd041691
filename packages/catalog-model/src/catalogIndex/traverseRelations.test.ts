import { createRelationGraph } from './createRelationGraph';
import { MAX_TRAVERSAL_DEPTH, reachableFrom, traverseRelations } from './traverseRelations';

/** Refs a..g; edges as `from -> to` over dependsOn; `x` dangles. */
function graphOf(edges: Record<string, string[]>) {
  const refs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const idOf = new Map(refs.map((ref, id) => [ref, id]));
  const graph = createRelationGraph(refs.length, idOf, (id, type) => (type === 'dependsOn' ? (edges[refs[id]!] ?? []) : []), ['dependsOn']);
  const names = (ids: readonly number[]) => ids.map((id) => refs[id]);
  return { graph, names, id: (ref: string) => idOf.get(ref)! };
}

describe('createRelationGraph', () => {
  it('lists each neighbour once, in id order, and leaves dangling targets out', () => {
    const { graph, names, id } = graphOf({ a: ['c', 'b', 'x', 'c'] });
    expect(names([...graph.neighbours(id('a'))])).toEqual(['b', 'c']);
    expect(graph.neighbours(id('g'))).toHaveLength(0);
  });
});

describe('traverseRelations', () => {
  // a -> b -> d -> a (cycle), a -> c -> d, c -> e -> f -> g
  const { graph, names, id } = graphOf({ a: ['b', 'c'], b: ['d'], c: ['d', 'e'], d: ['a'], e: ['f'], f: ['g'] });

  it('reaches each entity once at its shortest depth, by depth then id, never the start', () => {
    const walk = traverseRelations(graph, id('a'), 10);
    expect(names(walk.ids)).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
    expect(walk.depths).toEqual([1, 1, 2, 2, 3, 4]);
  });

  it('stops at the requested depth', () => {
    expect(names(traverseRelations(graph, id('a'), 1).ids)).toEqual(['b', 'c']);
    expect(names(traverseRelations(graph, id('a'), 3).ids)).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('gives a shortest path through the smallest predecessor, start and end included', () => {
    const walk = traverseRelations(graph, id('a'), 10);
    expect(names(walk.pathTo(id('d')))).toEqual(['a', 'b', 'd']);
    expect(names(walk.pathTo(id('g')))).toEqual(['a', 'c', 'e', 'f', 'g']);
    expect(names(walk.pathTo(id('a')))).toEqual(['a']);
    expect(traverseRelations(graph, id('e'), 1).pathTo(id('a'))).toEqual([]);
  });

  it.each([0, -1, 1.5, MAX_TRAVERSAL_DEPTH + 1])('rejects depth %p', (depth) => {
    expect(() => traverseRelations(graph, id('a'), depth)).toThrow(new RangeError(`depth must be between 1 and 10, got ${depth}`));
  });

  it('finds everything reachable at any depth for reachableFrom, cycle-safe', () => {
    expect(names(reachableFrom(graph, id('d')))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(names(reachableFrom(graph, id('g')))).toEqual(['g']);
  });
});
