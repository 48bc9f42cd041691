import type { SubgraphEndpoint } from '@devgraph/gateway';

const OPERATIONS = /^devgraph_graphql_operations_total(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+?\d+)?)$/gm;

/**
 * GraphQL operations all subgraphs have served so far, from their Prometheus `/metrics`
 * (`devgraph_graphql_operations_total`, every label summed). The difference across a cell is
 * how many subgraph fetches the gateway made: what in-flight deduplication saves.
 */
export async function countSubgraphOperations(subgraphs: SubgraphEndpoint[]): Promise<number> {
  const counts = await Promise.all(
    subgraphs.map(async (s) => {
      const text = await (await fetch(new URL('/metrics', s.url))).text();
      return [...text.matchAll(OPERATIONS)].reduce((sum, m) => sum + Number(m[1]), 0);
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
