import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerOptionsWithGateway, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloGateway } from '@apollo/gateway';
import {
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
import { useOperationResolution } from './plugins/useOperationResolution';
import { graphiqlAssets, loadExampleOperations, useGraphiql } from './graphiql';
import { ANONYMOUS, type Identity } from './auth/Identity';

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
  const httpServer = http.createServer(app);
  const metrics = createMetrics('gateway');
  const supergraph = config.supergraphPath
    ? readStaticSupergraph(config.supergraphPath)
    : introspectWithRetry({ subgraphs: config.subgraphs, logger, retryIntervalMs: config.retryIntervalMs, pollIntervalMs: config.pollIntervalMs });

  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    buildService: ({ name, url }) => new SubgraphDataSource({ name, url: url ?? '' }),
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
    formatError: refineRequestError,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      useOperationResolution(),
      useQueryLimits({ maxDepth: config.maxQueryDepth }),
      useOperationMetrics(metrics),
      useGraphiql({ endpoint: '/graphql', operations }),
    ],
  });

  let serve: express.RequestHandler | undefined;
  // Every answer is JSON, whatever goes wrong: first the one-line log of rejections, last the 404 and error handlers.
  app.use(logRejectedRequests(logger));
  mountOpsEndpoints(app, { metrics, isReady: () => serve !== undefined });
  app.use('/graphiql/assets', graphiqlAssets());
  mountGraphQLRoute(app, {
    maxBodyBytes: config.maxBodyBytes,
    handler: (req, res, next) => {
      if (serve) return serve(req, res, next);
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
    },
  };
}
