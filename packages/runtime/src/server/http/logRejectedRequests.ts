import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../createLogger';

/** The path only: a GET's query string holds the operation and its variables, which stay out of logs. */
function pathOf(req: Request): string {
  const path = req.originalUrl.split('?', 1)[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}...` : path;
}

/**
 * One log line per request answered with an error: method, path, status and error code, nothing
 * else (no body, no headers, no stack). Mount it first so every later layer is covered. Whoever
 * answers with an error puts its code on `res.locals.errorCode` (`sendRejection`,
 * `graphqlRequestHandler`); a plain status answer such as `/readyz` saying 503 is not logged.
 */
export function logRejectedRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    res.once('finish', () => {
      const code: unknown = res.locals.errorCode;
      if (res.statusCode < 400 || typeof code !== 'string') return;
      const line = { method: req.method, path: pathOf(req), status: res.statusCode, code };
      if (res.statusCode >= 500) logger.warn(line, 'request failed');
      else logger.info(line, 'request rejected');
    });
    next();
  };
}
