import type { RequestHandler } from 'express';
import { ErrorCode } from '../../errors';
import { sendRejection } from './sendRejection';

/**
 * 405 with an `Allow` header for any other method, before a body is read. Put it first on a
 * route: `app.route('/graphql').all(allowMethods(['GET', 'POST']), ...)`.
 */
export function allowMethods(methods: readonly string[]): RequestHandler {
  const allowed = new Set(methods.map((m) => m.toUpperCase()));
  const allow = [...allowed].join(', ');
  return (req, res, next) => {
    if (allowed.has(req.method)) return next();
    sendRejection(res, {
      status: 405,
      code: ErrorCode.MethodNotAllowed,
      message: `${req.method} is not supported here; use ${[...allowed].join(' or ')}.`,
      headers: { allow },
    });
  };
}
