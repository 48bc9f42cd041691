import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerOptionsWithGateway, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import {
  answerClientErrors,
  createMetrics,
  ErrorCode,
  graphqlRequestHandler,
  jsonFallbacks,
  KnownOperationTypesRule,
  logRejectedRequests,
  mountGraphQLRoute,
  mountOpsEndpoints,
  refineRequestError,
  sendRejection,
  useOperationMetrics,
  type Logger,
  type RunningServer,
} from '@devgraph/runtime';
import { defaultVendorTelemetryOff, type GatewayConfig } from './config';
import { introspectWithRetry } from './supergraph/introspectWithRetry';
import { readStaticSupergraph } from './supergraph/staticSupergraph';
import { SubgraphDataSource } from './subgraphDataSource';
import { useQueryLimits } from './plugins/useQueryLimits';
import { refineTokenLimitError, tokenLimitParseOptions } from './limits/tokenLimit';
import { useOperationResolution } from './plugins/useOperationResolution';
import { useSubgraphStaleMarks } from './plugins/useSubgraphStaleMarks';
import { graphiqlAssets, loadExampleOperations, useGraphiql } from './graphiql';
import { ANONYMOUS, type Identity } from './auth/Identity';
import { createAuthenticator } from './auth/createAuthenticator';
import { useAuthentication } from './auth/useAuthentication';
import { createEdge } from './edge/createEdge';
import { createSubgraphFetcher } from './resilience/createSubgraphFetcher';
import { createRequestBudget } from './resilience/createRequestBudget';
import { watchSubgraphHealth } from './resilience/watchSubgraphHealth';
import { knownOperationNames } from './resilience/knownOperationNames';

export interface RunningGateway extends RunningServer {
  /** Resolves once the supergraph is composed and queries are served. */
  ready: Promise<void>;
}

/**
 * The gateway listens at once (health checks answer, /graphql says it is starting) and serves
 * queries as soon as the supergraph is composed, so start order between processes never matters.
 */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  defaultVendorTelemetryOff();
  const app = express();
  app.disable('x-powered-by');
  const edge = createEdge(config, { logger });
  const httpServer = http.createServer(app);
  answerClientErrors(httpServer, logger);
  const metrics = createMetrics('gateway');
  const supergraph = config.supergraphPath
    ? readStaticSupergraph(config.supergraphPath)
    : introspectWithRetry({ subgraphs: config.subgraphs, logger, retryIntervalMs: config.retryIntervalMs, pollIntervalMs: config.pollIntervalMs });

  // Time budgets: a frozen subgraph costs a query SUBGRAPH_TIMEOUT_MS at most, a request REQUEST_TIMEOUT_MS.
  const fetcher = createSubgraphFetcher();
  const budget = createRequestBudget({ requestTimeoutMs: config.requestTimeoutMs });
  const staleMarks = useSubgraphStaleMarks();
  const health = watchSubgraphHealth({ intervalMs: config.subgraphHealthIntervalMs, timeoutMs: Math.min(2000, config.subgraphTimeoutMs) });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    buildService: ({ name, url }) => {
      health.watch(name, url ?? '');
      return new SubgraphDataSource({
        name,
        url: url ?? '',
        secret: config.subgraphSecret,
        fetcher,
        timeoutMs: config.subgraphTimeoutMs,
        remainingMs: budget.remainingMs,
        logger,
        onExtensions: staleMarks.collect,
        dedup: config.subgraphDedup ?? true,
        onFetch: (outcome) => metrics.subgraphFetches.inc({ subgraph: name, outcome }),
      });
    },
    logger,
  });
  const operations = await loadExampleOperations(config.exampleQueriesDir);
  const server = new ApolloServer({
    // @apollo/gateway 2.14 types against the v1 gateway interface; Apollo Server 5 accepts it at run time.
    gateway: gateway as unknown as ApolloServerOptionsWithGateway<BaseContext>['gateway'],
    includeStacktraceInErrorResponses: false,
    // One operation per request: a JSON array is rejected with BATCHING_NOT_SUPPORTED (mountGraphQLRoute).
    allowBatchedHttpRequests: false,
    validationRules: [KnownOperationTypesRule],
    // MAX_TOKENS stops graphql-js's parser at the limit; its syntax error becomes QUERY_TOO_COMPLEX.
    parseOptions: tokenLimitParseOptions(config.maxTokens),
    formatError: (formatted, error) => refineRequestError(refineTokenLimitError(formatted), error),
    ...edge.apollo,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      useOperationResolution(),
      useQueryLimits({
        maxDepth: config.maxQueryDepth,
        maxCost: config.maxQueryCost,
        maxAliases: config.maxAliases,
        maxDirectives: config.maxDirectives,
        maxRootFields: config.maxRootFields,
      }),
      budget.plugin,
      // Subgraphs' stale marks (`extensions.stale`), which Apollo Gateway does not forward.
      staleMarks.plugin,
      // Operation names become labels only when known at start: a client cannot grow the series.
      useOperationMetrics(metrics, { knownOperations: knownOperationNames({ documents: operations.map((o) => o.query), trustedDocumentsPath: config.trustedDocumentsPath }) }),
      config.graphiql ? useGraphiql({ endpoint: '/graphql', operations }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });

  let serve: express.RequestHandler | undefined;
  // Every answer is JSON, whatever goes wrong: first the one-line log of rejections, last the 404 and error handlers.
  app.use(logRejectedRequests(logger));
  app.use(edge.headers);
  mountOpsEndpoints(app, {
    metrics,
    // Ready once composed, while at least one subgraph answers; the body names each subgraph's state.
    isReady: () => serve !== undefined && health.anyAnswering(),
    readinessDetails: () => ({ ...(serve && !health.anyAnswering() && { status: 'no-subgraph-answering' }), subgraphs: health.statuses() }),
  });
  if (config.graphiql) app.use('/graphiql/assets', graphiqlAssets());
  // A browser's CORS preflight carries no credentials: it is answered before auth asks for them.
  if (edge.cors.length > 0) app.use('/graphql', edge.cors);
  // Who is asking (401 without valid credentials), before the edge limits that count per caller.
  app.use('/graphql', useAuthentication({ authenticate: createAuthenticator(config.auth, logger), logger }));
  if (edge.beforeGraphQL.length > 0) app.use('/graphql', edge.beforeGraphQL);
  mountGraphQLRoute(app, {
    maxBodyBytes: config.maxBodyBytes,
    handler: (req, res, next) => {
      if (serve) return runEach(edge.beforeExecution, req, res, next, serve);
      sendRejection(res, { status: 503, code: ErrorCode.SubgraphUnavailable, message: 'The gateway is starting: waiting for subgraphs to answer. Retry in a moment.' });
    },
  });
  app.use(jsonFallbacks(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/graphql`;
  logger.info({ url, mode: config.supergraphPath ? 'static supergraph' : 'introspection' }, 'gateway listening');

  const ready = server.start().then(() => {
    serve = graphqlRequestHandler(server, { context: async ({ res }) => ({ identity: (res.locals.identity as Identity | undefined) ?? ANONYMOUS }) });
    logger.info({ url }, 'gateway ready: serving queries and GraphiQL');
  });
  // A failed start is reported through `ready`; keep it from being an unhandled rejection here.
  ready.catch((error: Error) => logger.error({ err: error }, 'gateway failed to start'));

  return {
    url,
    port,
    ready,
    async close() {
      if (typeof supergraph !== 'string') supergraph.stop();
      if (serve) await server.stop();
      else await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await edge.close();
      health.close();
      fetcher.close();
    },
  };
}

/** Runs handlers in order, each passing to the next through `next()`, then `last`; an error goes to Express. */
function runEach(handlers: express.RequestHandler[], req: express.Request, res: express.Response, next: express.NextFunction, last: express.RequestHandler): void {
  const step = (index: number) => (error?: unknown) => {
    if (error) return next(error);
    const handler = handlers[index];
    if (!handler) return void last(req, res, next);
    void handler(req, res, step(index + 1));
  };
  step(0)();
}
