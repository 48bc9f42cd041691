/**
 * The 3-level "blast radius" operations: `dependents(depth: 3)` (the entities) and
 * `dependentPaths(depth: 3)` (each with its depth and a shortest path). The running subgraph's
 * schema is asked first, so against a catalog without these fields the row says "pending"
 * instead of timing something else. Each first answer is compared with the count the generator
 * computed from the same graph (dependsOn, provided APIs, their consumers).
 */
import { describeErrors, postOperation, type BenchOperation, type GraphQLAnswer } from './catalogQueries';
import type { DependentsProbe } from './generateSyntheticCatalog';

export type Traversal = 'dependents' | 'dependentPaths';

const SELECTION: Record<Traversal, string> = {
  dependents: 'dependents(depth: 3) { ref }',
  dependentPaths: 'dependentPaths(depth: 3) { depth entity { ref } path { ref } }',
};

const FIELDS = '{ __type(name: "Entity") { fields { name args { name } } } }';

export async function transitiveDependents(url: string, traversal: Traversal, probe: DependentsProbe): Promise<BenchOperation | { missing: string }> {
  const answer = await postOperation(url, { query: FIELDS });
  const fields = (answer.data?.__type as { fields: { name: string; args: { name: string }[] }[] } | null | undefined)?.fields ?? [];
  if (!fields.find((f) => f.name === traversal)?.args.some((a) => a.name === 'depth')) {
    return { missing: `pending: ${traversal}(depth) not in schema yet` };
  }
  return {
    query: `query BlastRadius($ref: ID!) { entity(ref: $ref) { ref ${SELECTION[traversal]} } }`,
    variables: { ref: probe.ref },
    check(result: GraphQLAnswer) {
      if (result.errors?.length) throw new Error(describeErrors(result));
      const found = (result.data?.entity as Record<string, unknown[]> | null | undefined)?.[traversal]?.length ?? 0;
      return found === probe.withinDepth3 ? `${found} results` : `${found} results, generator expected ${probe.withinDepth3}`;
    },
  };
}
