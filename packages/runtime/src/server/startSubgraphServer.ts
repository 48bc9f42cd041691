import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import type { Logger } from '../createLogger';
import type { Metrics } from '../createMetrics';
import { formatSubgraphError } from './formatSubgraphError';
import { useOperationMetrics } from './useOperationMetrics';
import { mountOpsEndpoints } from './mountOpsEndpoints';
import { KnownOperationTypesRule } from './knownOperationTypesRule';
import { graphqlRequestHandler, jsonFallbacks, logRejectedRequests, mountGraphQLRoute } from './http';
import { vocabularyResolvers, withVocabulary } from '../graphql/withVocabulary';

// @apollo/subgraph does not export its resolver-map type; take it from the function signature.
type SubgraphResolverMap = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: DocumentNode }>['resolvers'];

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Subgraph name, stamped on errors, logs and metrics. */
  name: string;
  typeDefs: DocumentNode;
  /** Resolver map; codegen's `Resolvers` type is checked where it is written, not here. */
  resolvers: object;
  /** Builds a fresh context (and its DataLoaders) for every request. */
  context: () => Promise<TContext> | TContext;
  port: number;
  host: string;
  logger: Logger;
  metrics: Metrics;
  /** `/readyz` answers 200 only while this says the subgraph can serve (e.g. catalog loaded). */
  isReady?: () => boolean;
  plugins?: ApolloServerPlugin<TContext>[];
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The one way a subgraph starts: Apollo Server on Express with health, readiness and metrics. */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const server = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({
      typeDefs: withVocabulary(options.typeDefs),
      // The subgraph's own resolvers win: a subgraph that still defines DateTime keeps its scalar.
      resolvers: { ...vocabularyResolvers, ...options.resolvers } as SubgraphResolverMap,
    }),
    formatError: formatSubgraphError(options.name, options.logger),
    includeStacktraceInErrorResponses: false,
    validationRules: [KnownOperationTypesRule],
    logger: options.logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      useOperationMetrics(options.metrics),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  // Every answer, served or rejected, is JSON: the same HTTP layer as the gateway's.
  app.use(logRejectedRequests(options.logger));
  mountOpsEndpoints(app, { metrics: options.metrics, isReady: options.isReady });
  mountGraphQLRoute(app, { handler: graphqlRequestHandler(server, { context: async () => options.context() }) });
  app.use(jsonFallbacks(options.logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} subgraph listening`);
  return {
    url,
    port,
    close: () => server.stop(),
  };
}
