import type { Request, RequestHandler, Response } from 'express';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export interface GraphQLRequestHandlerOptions<TContext extends BaseContext> {
  /** Builds a fresh context (and its DataLoaders) for every request. */
  context: (args: { req: Request; res: Response }) => Promise<TContext>;
}

/** The first error code in an Apollo error response, for the log line; undefined if there is none. */
function firstErrorCode(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    const code = parsed.errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Apollo Server on Express, as `@as-integrations/express5` does it, plus one thing: the code of a
 * rejected operation is kept on `res.locals.errorCode` so `logRejectedRequests` can log it. Mount it
 * after a JSON body parser (see `mountGraphQLRoute`).
 */
export function graphqlRequestHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: GraphQLRequestHandlerOptions<TContext>,
): RequestHandler {
  server.assertStarted('graphqlRequestHandler()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const queryStart = req.originalUrl.indexOf('?');
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: queryStart >= 0 ? req.originalUrl.slice(queryStart) : '',
        body: req.body as unknown,
      },
      context: () => options.context({ req, res }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (res.statusCode >= 400) res.locals.errorCode = firstErrorCode(response.body.string);
      res.send(response.body.string);
      return;
    }
    // Incremental delivery (@defer): flush each part as it is ready.
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
