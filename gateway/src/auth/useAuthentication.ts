import type { Request, RequestHandler } from 'express';
import { ErrorCode, sendRejection, type Logger } from '@devgraph/runtime';
import { AuthenticationError } from './AuthenticationError';
import type { Authenticator } from './createAuthenticator';

export interface AuthenticationOptions {
  authenticate: Authenticator;
  logger: Logger;
}

/**
 * A browser opening GraphiQL: a plain GET with no query string at all, asking for HTML. Nothing
 * in it can run an operation (no `query`, no persisted-query hash), so the page loads without a
 * token; its queries carry one.
 */
function isGraphiqlPageLoad(req: Request): boolean {
  return req.method === 'GET' && !req.originalUrl.includes('?') && (req.headers.accept ?? '').includes('text/html');
}

/**
 * Mounted on `/graphql` before anything reads the body: who is asking goes on
 * `res.locals.identity`, or the request ends here with 401 UNAUTHENTICATED, `WWW-Authenticate:
 * Bearer`, and no data. `/healthz`, `/readyz`, `/metrics` are other paths and stay open.
 */
export function useAuthentication(options: AuthenticationOptions): RequestHandler {
  return (req, res, next) => {
    // Preflights carry no credentials by design; CORS (or the 405) answers them.
    if (req.method === 'OPTIONS' || isGraphiqlPageLoad(req)) return next();
    options.authenticate(req.headers.authorization).then(
      (identity) => {
        res.locals.identity = identity;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AuthenticationError)) return next(error);
        sendRejection(res, { status: 401, code: ErrorCode.Unauthenticated, message: error.message, headers: { 'www-authenticate': 'Bearer realm="devgraph"' } });
      },
    );
  };
}
