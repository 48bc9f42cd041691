/**
 * A subgraph fetch given up because its time ran out: `SUBGRAPH_TIMEOUT_MS` for one fetch, or
 * what was left of the request's `REQUEST_TIMEOUT_MS`. The data source turns it into a
 * `SUBGRAPH_TIMEOUT` field error; the other subgraphs' data is still returned.
 */
export class SubgraphTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    /** `subgraph`: the fetch took too long; `request`: the whole request's budget was spent. */
    readonly budget: 'subgraph' | 'request',
  ) {
    super(budget === 'subgraph' ? `no answer within ${timeoutMs} ms` : `the request's ${timeoutMs} ms budget was spent`);
    this.name = 'SubgraphTimeoutError';
  }
}
