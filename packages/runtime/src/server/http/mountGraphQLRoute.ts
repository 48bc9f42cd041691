import express, { type Express, type RequestHandler } from 'express';
import { ErrorCode } from '../../errors';
import { allowMethods } from './allowMethods';
import { sendRejection } from './sendRejection';

/** Today's `express.json({ limit: '1mb' })`, kept as the default. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface GraphQLRouteOptions {
  /** @default '/graphql' */
  path?: string;
  /** Largest request body accepted; bigger ones get 413 `PAYLOAD_TOO_LARGE`. @default 1 MiB */
  maxBodyBytes?: number;
  /** What serves a request that passed every check, usually `graphqlRequestHandler(server, ...)`. */
  handler: RequestHandler;
}

const EXAMPLE_BODY = '{"query": "{ __typename }"}';

/** A POST must say it is JSON; anything else (form posts, text/plain, no header) is 415 before any byte is read. */
const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  const mediaType = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (mediaType === 'application/json') return next();
  sendRejection(res, {
    status: 415,
    code: ErrorCode.UnsupportedMediaType,
    message: `${mediaType ? `content-type ${mediaType} is not supported` : 'The request has no content-type'}: POST a JSON body such as ${EXAMPLE_BODY} with content-type: application/json.`,
  });
};

/**
 * What body-parser lets through but is no GraphQL request: nothing at all, `{}`, a JSON value that
 * is not an object, or an array. Arrays are batches: Apollo Server's `allowBatchedHttpRequests`
 * is off (one operation per request keeps limits, metrics and logs per operation), so say so.
 * The fields inside the object (`query` a string, `variables` an object, ...) are Apollo's to check.
 */
const requireRequestObject: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  const body: unknown = req.body;
  if (Array.isArray(body)) {
    sendRejection(res, {
      status: 400,
      code: ErrorCode.BatchingNotSupported,
      message: 'Batched requests (a JSON array) are not supported: send one operation per request, or put all the fields in one operation.',
    });
    return;
  }
  if (body === null || typeof body !== 'object' || Object.keys(body).length === 0) {
    // body-parser reads an empty body as {}, so the two cannot be told apart here.
    const problem = body === undefined || (typeof body === 'object' && body !== null) ? 'is empty' : 'is not a JSON object';
    sendRejection(res, { status: 400, code: ErrorCode.BadRequest, message: `The request body ${problem}: send a JSON object such as ${EXAMPLE_BODY}.` });
    return;
  }
  next();
};

/**
 * The GraphQL endpoint with its HTTP checks in front, cheapest first: method (405), content type
 * (415), size and JSON syntax (413/400, raised by the parser and answered by `jsonFallbacks`),
 * request shape (400). Only GET and POST reach the handler.
 */
export function mountGraphQLRoute(app: Express, options: GraphQLRouteOptions): void {
  app
    .route(options.path ?? '/graphql')
    .all(
      allowMethods(['GET', 'POST']),
      requireJsonPost,
      // strict: false so a JSON string or number reaches requireRequestObject and gets its own message.
      express.json({ limit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, strict: false }),
      requireRequestObject,
      options.handler,
    );
}
