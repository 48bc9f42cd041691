import { GraphQLError } from 'graphql';

/**
 * The one list of error codes every subgraph and the gateway use in `extensions.code`.
 * Clients branch on these strings, so they are part of the public contract: add, never rename.
 */
export const ErrorCode = {
  UpstreamUnavailable: 'UPSTREAM_UNAVAILABLE',
  UpstreamTimeout: 'UPSTREAM_TIMEOUT',
  UpstreamRateLimited: 'UPSTREAM_RATE_LIMITED',
  UpstreamError: 'UPSTREAM_ERROR',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  SubgraphUnavailable: 'SUBGRAPH_UNAVAILABLE',
  // A subgraph did not answer within SUBGRAPH_TIMEOUT_MS (or the request's REQUEST_TIMEOUT_MS ran out).
  SubgraphTimeout: 'SUBGRAPH_TIMEOUT',
  InternalError: 'INTERNAL_SERVER_ERROR',
  // HTTP-level rejections: the request never became a GraphQL operation.
  BadRequest: 'BAD_REQUEST',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  BatchingNotSupported: 'BATCHING_NOT_SUPPORTED',
  // Apollo Server's own codes for documents it cannot run, listed so clients find them here too.
  GraphqlParseFailed: 'GRAPHQL_PARSE_FAILED',
  GraphqlValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
  OperationResolutionFailure: 'OPERATION_RESOLUTION_FAILURE',
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  // The gateway's edge: too many requests from one caller, or a document outside the trusted set.
  RateLimited: 'RATE_LIMITED',
  PersistedQueryNotAllowed: 'PERSISTED_QUERY_NOT_ALLOWED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface DevgraphErrorOptions {
  /** Which tool the failure came from (`github`, `pagerduty`, ...), when it came from one. */
  upstream?: string;
  /** Extra machine-readable facts (never secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** A GraphQL error with a stable code; resolvers throw it and the field becomes null. */
export class DevgraphError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options: DevgraphErrorOptions = {}) {
    super(message, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: {
        code,
        ...(options.upstream ? { upstream: options.upstream } : {}),
        ...(options.details ?? {}),
      },
    });
    this.code = code;
  }
}

export const notFound = (what: string, options?: DevgraphErrorOptions) =>
  new DevgraphError(ErrorCode.NotFound, `${what} was not found.`, options);

export const badUserInput = (message: string, details?: Record<string, unknown>) =>
  new DevgraphError(ErrorCode.BadUserInput, message, { details });

/**
 * The one error type for a failed call to an upstream tool. `status` is the HTTP status when
 * there was a response; `kind` says what went wrong when there was none.
 */
export class UpstreamError extends Error {
  readonly upstream: string;
  readonly status?: number;
  readonly kind: 'http' | 'timeout' | 'network' | 'rate-limited' | 'not-found' | 'circuit-open';
  /** Milliseconds the upstream asked us to wait (Retry-After / reset headers), if it said. */
  readonly retryAfterMs?: number;
  /** Method and URL with credentials stripped: safe to log. */
  readonly request?: string;
  /** The client library already retried this failure (pdjs retries a 429 itself): the caller adds no rounds. */
  readonly retriedByClient: boolean;

  constructor(options: {
    upstream: string;
    message: string;
    status?: number;
    kind?: UpstreamError['kind'];
    retryAfterMs?: number;
    request?: string;
    cause?: unknown;
    retriedByClient?: boolean;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'UpstreamError';
    this.upstream = options.upstream;
    this.status = options.status;
    this.kind = options.kind ?? (options.status !== undefined ? 'http' : 'network');
    this.retryAfterMs = options.retryAfterMs;
    this.request = options.request;
    this.retriedByClient = options.retriedByClient ?? false;
  }

  /** 429, 5xx, timeouts and network failures may succeed when tried again; 4xx will not. */
  get retryable(): boolean {
    if (this.retriedByClient) return false;
    if (this.kind === 'timeout' || this.kind === 'network' || this.kind === 'rate-limited') return true;
    return this.status !== undefined && (this.status === 429 || this.status >= 500);
  }
}

/** HTTP status (or failure kind) to the shared code: the only place this mapping is written. */
export function codeForUpstreamError(error: UpstreamError): ErrorCode {
  switch (error.kind) {
    case 'timeout':
      return ErrorCode.UpstreamTimeout;
    case 'rate-limited':
      return ErrorCode.UpstreamRateLimited;
    case 'not-found':
      return ErrorCode.NotFound;
    case 'network':
    case 'circuit-open':
      return ErrorCode.UpstreamUnavailable;
    case 'http':
      break;
  }
  const status = error.status ?? 0;
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 429) return ErrorCode.UpstreamRateLimited;
  if (status === 408 || status === 504) return ErrorCode.UpstreamTimeout;
  if (status >= 500) return ErrorCode.UpstreamUnavailable;
  return ErrorCode.UpstreamError;
}

const adviceByCode: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.Unauthenticated]: 'check the token devgraph is configured with',
  [ErrorCode.Forbidden]: 'the token lacks permission for this resource',
  [ErrorCode.UpstreamRateLimited]: 'retry later; devgraph serves cached data where it has some',
  [ErrorCode.UpstreamTimeout]: 'the tool did not answer in time; retry later',
  [ErrorCode.UpstreamUnavailable]: 'the tool is unreachable or failing; retry later',
};

/** Turn anything a data source threw into the GraphQL error a client sees, never leaking internals. */
export function toGraphQLError(error: unknown, fallbackUpstream?: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof UpstreamError) {
    const code = codeForUpstreamError(error);
    const advice = adviceByCode[code];
    const status = error.status !== undefined ? ` (HTTP ${error.status})` : '';
    return new DevgraphError(code, `${error.upstream}: ${error.message}${status}${advice ? `: ${advice}.` : ''}`, {
      upstream: error.upstream,
      cause: error,
      details: error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : undefined,
    });
  }
  return new DevgraphError(ErrorCode.InternalError, 'Internal error; the server log has the details.', {
    upstream: fallbackUpstream,
    cause: error,
  });
}
