import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { DevgraphError, ErrorCode } from '@devgraph/runtime';

/**
 * A subgraph that is down or failing becomes one clear error with a stable code, while the
 * gateway still returns every field the other subgraphs resolved. The subgraph's raw response
 * body is deliberately not forwarded: it may hold internals.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(private readonly subgraph: { name: string; url: string }) {
    super({ url: subgraph.url });
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): void {
    if (error instanceof DevgraphError) throw error;
    const how = response ? `answered HTTP ${response.status}` : 'is unreachable';
    throw new DevgraphError(
      ErrorCode.SubgraphUnavailable,
      `The ${this.subgraph.name} subgraph ${how}; its fields are null in this response and everything else is complete. Retry later.`,
      { details: { subgraph: this.subgraph.name, ...(response ? { status: response.status } : {}) } },
    );
  }
}
