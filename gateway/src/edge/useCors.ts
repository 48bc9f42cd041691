import type { RequestHandler } from 'express';
import cors from 'cors';

/** Options of {@link useCors}. */
export interface CorsOptions {
  /** Origins (scheme://host[:port]) whose pages may call the gateway from a browser (`CORS_ORIGINS`). */
  origins: readonly string[];
}

/** Headers a browser page may send cross-origin: JSON bodies, a bearer token, Apollo's CSRF header. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * Cross-origin access for the listed origins only, through the maintained `cors` middleware
 * (Express 5 compatible: a plain `(req, res, next)` handler). Any other origin gets no
 * `Access-Control-Allow-*` header at all, and its preflight goes on to the route, which answers
 * `OPTIONS` with 405: the browser refuses the call. No cookies are involved (tokens travel in
 * `Authorization`), so credentials stay off. Mount it before the GraphQL route.
 */
export function useCors(options: CorsOptions): RequestHandler {
  const allowed = new Set(options.origins);
  const allowListed = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    maxAge: 600,
  });
  return (req, res, next) => {
    // The answer differs by Origin, whatever the origin is: shared caches must key on it.
    res.vary('Origin');
    allowListed(req, res, next);
  };
}
