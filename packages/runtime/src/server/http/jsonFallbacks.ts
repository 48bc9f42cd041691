import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../createLogger';
import { ErrorCode } from '../../errors';
import { rejectionForError } from './rejectionForError';
import { sendRejection } from './sendRejection';

/**
 * The last two handlers of an app: 404 `NOT_FOUND` for any path nothing served, and an error
 * handler replacing Express's default one (an HTML page with the stack and absolute file paths,
 * and the full error, request body included, on stderr). Add them after every route:
 * `app.use(jsonFallbacks(logger))`.
 */
export function jsonFallbacks(logger: Logger): [RequestHandler, ErrorRequestHandler] {
  const notFound: RequestHandler = (_req, res) => {
    sendRejection(res, { status: 404, code: ErrorCode.NotFound, message: 'Nothing is served at this path; GraphQL is at /graphql.' });
  };
  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const { rejection, unexpected } = rejectionForError(error);
    // Only a bug gets its stack logged; a client's bad request is the one line logRejectedRequests writes.
    if (unexpected) logger.error({ err: error, method: req.method, path: req.originalUrl.split('?', 1)[0] }, 'unexpected error while serving a request');
    if (res.headersSent) {
      res.end();
      return;
    }
    sendRejection(res, rejection);
  };
  return [notFound, onError];
}
