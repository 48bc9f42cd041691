import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DevgraphError, ErrorCode, UpstreamError, toGraphQLError } from '../errors';
import type { Logger } from '../createLogger';
import { refineRequestError } from './http/refineRequestError';

/** What a resolver really threw: GraphQL wraps it (maybe twice); our own coded errors stop the unwrapping. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && !(current instanceof DevgraphError) && current.originalError) current = current.originalError;
  return current;
}

/**
 * Every error leaving a subgraph carries a stable `extensions.code` and the subgraph's name.
 * Anything unexpected is logged in full and shown to the client only as a masked message, so
 * stack traces, SQL, URLs with credentials and the like never leave the process.
 */
export function formatSubgraphError(subgraph: string, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(error);
    let shaped: GraphQLFormattedError = refineRequestError(formatted, error);
    if (original instanceof UpstreamError) {
      const converted = toGraphQLError(original);
      shaped = { ...formatted, message: converted.message, extensions: { ...converted.extensions } };
      logger.warn({ err: original, upstream: original.upstream, request: original.request, path: formatted.path }, 'upstream call failed');
    } else if (!(original instanceof GraphQLError) && formatted.extensions?.code === ErrorCode.InternalError) {
      logger.error({ err: original, path: formatted.path }, 'unexpected resolver error');
      shaped = { ...formatted, message: 'Internal error; the server log has the details.' };
    }
    return { ...shaped, extensions: { ...shaped.extensions, code: shaped.extensions?.code ?? ErrorCode.InternalError, subgraph } };
  };
}
