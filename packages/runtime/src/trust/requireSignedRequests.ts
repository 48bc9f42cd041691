import type { Request, RequestHandler } from 'express';
import type { Logger } from '../createLogger';
import { ErrorCode } from '../errors';
import { sendRejection } from '../server/http/sendRejection';
import type { CallerIdentity } from './CallerIdentity';
import { isSchemaQuery } from './isSchemaQuery';
import type { SubgraphTrust } from './readSubgraphTrust';
import type { SignedParams } from './subgraphSignature';
import { verifySubgraphRequest } from './verifySubgraphRequest';

export interface RequireSignedRequestsOptions {
  /** The subgraph's name: a signed identity whose scopes do not list it is answered FORBIDDEN. */
  name: string;
  trust: SubgraphTrust;
  logger: Logger;
  /** Clock in epoch milliseconds, for the signature's age; tests inject one. */
  now?: () => number;
}

/** The GraphQL params of a POST body or a GET query string (variables and extensions as JSON there). */
function paramsOf(req: Request): SignedParams {
  if (req.method === 'POST') return (req.body ?? {}) as SignedParams;
  const search = new URL(req.originalUrl, 'http://subgraph').searchParams;
  const json = (name: string): unknown => {
    const raw = search.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  };
  return { query: search.get('query') ?? undefined, variables: json('variables'), extensions: json('extensions') };
}

/** Where the verified caller is kept for the context factory; undefined when there is none. */
export const callerIdentityOf = (locals: Record<string, unknown>): CallerIdentity | undefined => locals.callerIdentity as CallerIdentity | undefined;

/**
 * The subgraph's gate, after the body is parsed and before Apollo sees it: with a secret, only
 * gateway-signed requests pass (401 UNAUTHENTICATED otherwise), the signed identity is put on
 * `res.locals.callerIdentity`, and a caller whose scopes do not name this subgraph gets 403
 * FORBIDDEN (defence in depth: the gateway already answers those fields itself).
 */
export function requireSignedRequests(options: RequireSignedRequestsOptions): RequestHandler {
  const now = options.now ?? Date.now;
  const { trust } = options;
  return (req, res, next) => {
    if (trust.mode !== 'signed') return next();
    const params = paramsOf(req);
    if (isSchemaQuery(params.query) && params.extensions === undefined) return next();
    const verified = verifySubgraphRequest(trust.secret, params, Math.floor(now() / 1000));
    if (!verified.ok) {
      sendRejection(res, {
        status: 401,
        code: ErrorCode.Unauthenticated,
        message: `The ${options.name} subgraph only answers requests signed by the devgraph gateway: ${verified.reason}. Query the gateway instead.`,
        headers: { 'www-authenticate': 'HMAC' },
      });
      return;
    }
    const identity = verified.identity;
    if (identity && !identity.scopes.includes(options.name)) {
      options.logger.warn({ subject: identity.subject, subgraph: options.name }, 'request refused: the caller may not read this subgraph');
      sendRejection(res, { status: 403, code: ErrorCode.Forbidden, message: `Your credentials do not include the ${options.name} scope.` });
      return;
    }
    // Who asked, by subject only: emails and user refs stay out of logs.
    options.logger.debug({ subject: identity?.subject ?? 'gateway', kind: identity?.kind ?? 'unknown' }, 'signed request');
    res.locals.callerIdentity = identity;
    next();
  };
}
