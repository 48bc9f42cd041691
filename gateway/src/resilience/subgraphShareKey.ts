import type { CallerIdentity } from '@devgraph/runtime';

export interface ShareableRequest {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * What two subgraph fetches must have in common to share one answer (SUBGRAPH_DEDUP): the
 * document, the operation name, the variables, and the whole identity the request is signed with
 * (scopes, and the subject, user and email a field like `viewer` reads), or none for the
 * gateway's own schema and health fetches. Only the signing time (`iat`) is left out: it changes
 * the bytes, never the answer. The subgraph's URL is added by the fetcher.
 *
 * Plain JSON, not a sorted serialisation: the gateway builds the same variables in the same order
 * for the same plan, and two equal requests written differently merely do not share.
 */
export function subgraphShareKey(request: ShareableRequest, identity: CallerIdentity | undefined): string {
  return JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? null, identity ?? null]);
}
