import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import type { Logger } from '../createLogger';
import type { StaleTracker } from '../upstream/createStaleTracker';
import type { Metrics } from '../createMetrics';
import { formatSubgraphError } from './formatSubgraphError';
import { useOperationMetrics } from './useOperationMetrics';
import { useStaleExtension } from './useStaleExtension';
import { mountOpsEndpoints, type OpsEndpointOptions } from './mountOpsEndpoints';
import { KnownOperationTypesRule } from './knownOperationTypesRule';
import { answerClientErrors, graphqlRequestHandler, jsonFallbacks, logRejectedRequests, mountGraphQLRoute } from './http';
import { vocabularyResolvers, withVocabulary } from '../graphql/withVocabulary';
import type { CallerIdentity } from '../trust/CallerIdentity';
import { readSubgraphTrust, type SubgraphTrust } from '../trust/readSubgraphTrust';
import { callerIdentityOf, requireSignedRequests } from '../trust/requireSignedRequests';

// @apollo/subgraph does not export its resolver-map type; take it from the function signature.
type SubgraphResolverMap = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: DocumentNode }>['resolvers'];

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Subgraph name, stamped on errors, logs and metrics. */
  name: string;
  typeDefs: DocumentNode;
  /** Resolver map; codegen's `Resolvers` type is checked where it is written, not here. */
  resolvers: object;
  /**
   * Builds a fresh context (and its DataLoaders) for every request. `identity` is the caller the
   * gateway signed for; undefined when trust is off or open, or the signer sent none (Hive Gateway).
   */
  context: (request: { identity?: CallerIdentity }) => Promise<TContext> | TContext;
  port: number;
  host: string;
  logger: Logger;
  metrics: Metrics;
  /** `/readyz` answers 200 only while this says the subgraph can serve (e.g. catalog loaded). */
  isReady?: () => boolean;
  /**
   * The tools it calls: their circuit states appear in `/readyz`'s body, and their stale serves
   * in each response's `extensions.stale`.
   */
  upstreams?: readonly (NonNullable<OpsEndpointOptions['upstreams']>[number] & { stale: StaleTracker })[];
  plugins?: ApolloServerPlugin<TContext>[];
  /**
   * Which requests are served (`readSubgraphTrust`: SUBGRAPH_SECRET, SUBGRAPH_AUTH). Default:
   * open on a loopback HOST; on any other HOST the server refuses to start without it.
   */
  trust?: SubgraphTrust;
  /** Clock in epoch milliseconds for the signature's age; tests inject one. @default Date.now */
  now?: () => number;
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
  // Decided before anything starts, so a misconfigured subgraph fails at once.
  const trust = options.trust ?? readSubgraphTrust({ SUBGRAPH_AUTH: 'on' }, options.host);
  const upstreams = options.upstreams ?? [];
  const app = express();
  const httpServer = http.createServer(app);
  // Longer than the gateway's idle keep-alive (30 s, createSubgraphFetcher), so the gateway always
  // closes an idle connection first and never sends a query onto one this server is closing.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  answerClientErrors(httpServer, options.logger);
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
      useStaleExtension<TContext>({ served: () => upstreams.flatMap((u) => u.stale.served() ?? []) }),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  // Every answer, served or rejected, is JSON: the same HTTP layer as the gateway's.
  app.use(logRejectedRequests(options.logger));
  mountOpsEndpoints(app, { metrics: options.metrics, isReady: options.isReady, upstreams: options.upstreams });
  const serve = graphqlRequestHandler(server, { context: async ({ res }) => options.context({ identity: callerIdentityOf(res.locals) }) });
  const gate = requireSignedRequests({ name: options.name, trust, logger: options.logger, now: options.now });
  // The gate runs after the body is parsed (the signature covers it) and before Apollo sees it.
  // Each request runs inside every tool's stale tracker, so its stale serves are its own.
  const tracked = (work: () => Promise<unknown>) => upstreams.reduce((inner, u) => () => u.stale.track(inner), work)();
  mountGraphQLRoute(app, { handler: (req, res, next) => gate(req, res, () => void tracked(() => Promise.resolve(serve(req, res, next))).catch(next)) });
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
