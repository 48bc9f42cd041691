import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../errors';
import { codeForHttpStatus } from './sendRejection';

/** The start of Apollo Server's CSRF-prevention message (`preventCsrf.ts`), which names no working fix. */
const APOLLO_CSRF_MESSAGE = 'This operation has been blocked as a potential Cross-Site Request Forgery';

export const CSRF_MESSAGE =
  "Blocked as a possible cross-site request forgery: a GET needs a header a browser form cannot send. Add -H 'apollo-require-preflight: true' " +
  "(or -H 'content-type: application/json'), e.g. curl -G -H 'apollo-require-preflight: true' --data-urlencode 'query={ __typename }' <url>.";

/**
 * For `formatError`: Apollo Server answers every HTTP-level problem with code `BAD_REQUEST`,
 * whatever the status. Give 405/413/415 the codes the rest of devgraph uses for them, and replace
 * the CSRF message with one that says which header to add. Everything else passes unchanged.
 */
export function refineRequestError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== ErrorCode.BadRequest) return formatted;
  const http = error instanceof GraphQLError ? (error.extensions.http as { status?: unknown } | undefined) : undefined;
  const status = typeof http?.status === 'number' ? http.status : 400;
  const code = status === 400 ? ErrorCode.BadRequest : codeForHttpStatus(status);
  const message = formatted.message.startsWith(APOLLO_CSRF_MESSAGE) ? CSRF_MESSAGE : formatted.message;
  return { ...formatted, message, extensions: { ...formatted.extensions, code } };
}
