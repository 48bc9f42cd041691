import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { DevgraphError, ErrorCode, signSubgraphRequest } from '@devgraph/runtime';
import { callerIdentityFor, mayRead } from './auth/mayRead';
import type { GatewayContext } from './auth/Identity';

/** Who asked, for an operation a client sent; schema loads and health checks have no caller. */
const callerOf = (options: GraphQLDataSourceProcessOptions<GatewayContext>) =>
  // The request-kind enum is not exported by @apollo/gateway; only incoming operations carry a request context.
  'incomingRequestContext' in options ? options.context.identity : undefined;

/**
 * FORBIDDEN for a fetch that is not sent: one error per root field, with its path, so the
 * client sees which fields are null; an entity fetch (`_entities`) gets one error without a path.
 */
function forbiddenErrors(subgraph: string, query: string | undefined): GraphQLFormattedError[] {
  const message = `Your credentials do not include the ${subgraph} scope, so ${subgraph} fields are null; everything else is complete.`;
  const error = (path?: string[]): GraphQLFormattedError => ({ message, ...(path && { path }), extensions: { code: ErrorCode.Forbidden, subgraph } });
  let operation: OperationDefinitionNode | undefined;
  try {
    operation = parse(query ?? '').definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return [error()];
  }
  const roots = (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [(s.alias ?? s.name).value] : []));
  if (roots.length === 0 || roots.includes('_entities')) return [error()];
  return roots.map((root) => error([root]));
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** SUBGRAPH_SECRET: every request is signed with it (and carries who asked); unset: sent unsigned. */
  secret?: string;
  /** Clock in epoch milliseconds for the signing time; tests inject one. */
  now?: () => number;
}

/**
 * How the gateway talks to one subgraph:
 * - a caller whose scopes do not name this subgraph is answered FORBIDDEN here, nothing is sent;
 * - every request is signed (Hive Gateway's HMAC scheme) with who asked inside the signed part;
 * - a subgraph that is down or failing becomes one clear error with a stable code, while the
 *   gateway still returns every field the other subgraphs resolved. The subgraph's raw response
 *   body is deliberately not forwarded: it may hold internals.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: SubgraphDataSourceOptions;

  constructor(subgraph: SubgraphDataSourceOptions) {
    super({ url: subgraph.url });
    this.subgraph = subgraph;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const identity = callerOf(options);
    if (identity && !mayRead(identity, this.subgraph.name)) return { errors: forbiddenErrors(this.subgraph.name, options.request.query) };
    return super.process(options);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { secret, name, now = Date.now } = this.subgraph;
    if (!secret) return;
    // Schema loads and health checks have no caller: they are signed without an identity.
    const identity = callerOf(options);
    const envelope = identity ? { identity: callerIdentityFor(identity, name), iat: Math.floor(now() / 1000) } : undefined;
    options.request.extensions = signSubgraphRequest(secret, options.request, envelope);
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): void {
    if (error instanceof DevgraphError) throw error;
    if (response?.status === 403) {
      throw new DevgraphError(ErrorCode.Forbidden, `The ${this.subgraph.name} subgraph refused this caller; its fields are null in this response.`, { details: { subgraph: this.subgraph.name } });
    }
    const how = response ? `answered HTTP ${response.status}` : 'is unreachable';
    throw new DevgraphError(
      ErrorCode.SubgraphUnavailable,
      `The ${this.subgraph.name} subgraph ${how}; its fields are null in this response and everything else is complete. Retry later.`,
      { details: { subgraph: this.subgraph.name, ...(response ? { status: response.status } : {}) } },
    );
  }
}
