import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Kind, OperationTypeNode, parse, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { DevgraphError, ErrorCode, signSubgraphRequest, type Logger } from '@devgraph/runtime';
import { callerIdentityFor, mayRead } from './auth/mayRead';
import type { GatewayContext } from './auth/Identity';
import type { SubgraphFetchBudget, SubgraphFetcher } from './resilience/createSubgraphFetcher';
import { SubgraphTimeoutError } from './resilience/SubgraphTimeoutError';
import { subgraphShareKey } from './resilience/subgraphShareKey';

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
  /**
   * The HTTP client (keep-alive pool, retry of a reset idempotent fetch); unset: Apollo's default
   * client, without time budgets.
   */
  fetcher?: SubgraphFetcher;
  /** SUBGRAPH_TIMEOUT_MS: one fetch gets no more than this. @default 10000 */
  timeoutMs?: number;
  /** What is left of the request's REQUEST_TIMEOUT_MS for this context (`createRequestBudget`). */
  remainingMs?: (context: object | undefined) => number;
  /** Where timeouts and retries on a reset connection are logged. */
  logger?: Logger;
  /** Hears each answer's `extensions` with the request's context: the gateway does not forward them (useSubgraphStaleMarks). */
  onExtensions?: (context: object | undefined, extensions: unknown) => void;
  /**
   * SUBGRAPH_DEDUP: identical queries in flight at once (same document, variables and signed
   * caller) share one fetch; mutations never do. Needs `fetcher`. @default true
   */
  dedup?: boolean;
  /** Told for each fetch whether it was sent or shared one in flight (the metric). */
  onFetch?: (outcome: 'sent' | 'shared') => void;
}

/** A query (or an operation the document does not say) may be sent again; a mutation may not. */
function isIdempotent(query: string | undefined): boolean {
  try {
    const operation = parse(query ?? '', { noLocation: true }).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return operation?.operation === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
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
  /** The budget of the fetch being processed: Apollo's fetcher interface has no room for it. */
  private readonly budget = new AsyncLocalStorage<SubgraphFetchBudget>();

  constructor(subgraph: SubgraphDataSourceOptions) {
    super({ url: subgraph.url });
    this.subgraph = subgraph;
    const { fetcher } = subgraph;
    if (fetcher) {
      const fetchWithBudget = (url: string, init: Parameters<Fetcher>[1]) => {
        const budget = this.budget.getStore() ?? { timeoutMs: subgraph.timeoutMs ?? 10_000, budget: 'subgraph' as const, idempotent: false };
        return fetcher.fetch(url, { method: init?.method, headers: init?.headers, body: init?.body }, budget);
      };
      // Node's Response satisfies Apollo's FetcherResponse at run time; its header iterator types differ only in name.
      this.fetcher = fetchWithBudget as unknown as Fetcher;
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const identity = callerOf(options);
    if (identity && !mayRead(identity, this.subgraph.name)) return { errors: forbiddenErrors(this.subgraph.name, options.request.query) };
    const { name, timeoutMs = 10_000, remainingMs, logger, dedup = true, onFetch } = this.subgraph;
    const left = remainingMs?.(options.context) ?? Infinity;
    if (left <= 0) throw this.timeoutError(new SubgraphTimeoutError(0, 'request'));
    const idempotent = isIdempotent(options.request.query);
    const budget: SubgraphFetchBudget = {
      timeoutMs: Math.min(timeoutMs, left),
      budget: left < timeoutMs ? 'request' : 'subgraph',
      idempotent,
      onRetry: (error) => logger?.warn({ subgraph: name, err: { message: error.message, code: (error as NodeJS.ErrnoException).code } }, `${name} subgraph reset a reused connection before answering; sent the query again`),
      // Keyed on the identity exactly as it is signed for this subgraph: callers who could see different data never share.
      ...(dedup && idempotent && { shareKey: subgraphShareKey(options.request, identity && callerIdentityFor(identity, name)) }),
      onFetch,
    };
    return this.budget.run(budget, () => super.process(options));
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { secret, name, now = Date.now } = this.subgraph;
    if (!secret) return;
    // Schema loads and health checks have no caller: they are signed without an identity.
    const identity = callerOf(options);
    const envelope = identity ? { identity: callerIdentityFor(identity, name), iat: Math.floor(now() / 1000) } : undefined;
    options.request.extensions = signSubgraphRequest(secret, options.request, envelope);
  }

  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    this.subgraph.onExtensions?.(context, response.extensions);
    return response;
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): void {
    if (error instanceof DevgraphError) throw error;
    if (error instanceof SubgraphTimeoutError) throw this.timeoutError(error);
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

  private timeoutError(error: SubgraphTimeoutError): DevgraphError {
    const { name, logger } = this.subgraph;
    const why = error.budget === 'subgraph' ? `did not answer within ${error.timeoutMs} ms (SUBGRAPH_TIMEOUT_MS)` : `did not answer before the request's time budget (REQUEST_TIMEOUT_MS) ran out`;
    logger?.warn({ subgraph: name, timeoutMs: error.timeoutMs, budget: error.budget }, `${name} subgraph ${why}`);
    return new DevgraphError(ErrorCode.SubgraphTimeout, `The ${name} subgraph ${why}; its fields are null in this response and everything else is complete. Retry later.`, {
      details: { subgraph: name, timeoutMs: error.timeoutMs },
    });
  }
}
