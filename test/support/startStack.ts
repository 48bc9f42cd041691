import path from 'node:path';
import type { RunningServer } from '@devgraph/runtime';
import { createCatalogSubgraph } from '../../subgraphs/catalog/src/createCatalogSubgraph';
import { DEMO_CATALOG_PATH } from '../../subgraphs/catalog/src/config';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway';
import { DEFAULT_EXAMPLE_QUERIES_DIR, type GatewayConfig, type SubgraphEndpoint } from '../../gateway/src/config';
import { memoryLogger } from './silentLogger';

// Its own module so tests of separate processes (npm start) need not load the in-process stack.
import { postGraphQL, type GraphQLResponse } from './postGraphQL';

export { postGraphQL, type GraphQLResponse };

export function gatewayConfig(subgraphs: SubgraphEndpoint[], overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    subgraphs,
    retryIntervalMs: 100,
    pollIntervalMs: 0,
    maxQueryDepth: 15,
    maxQueryCost: 10000,
    maxAliases: 30,
    maxTokens: 5000,
    maxDirectives: 50,
    maxRootFields: 20,
    maxBodyBytes: 1024 * 1024,
    subgraphTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    // No background probes in tests unless a test turns them on: they would add subgraph traffic
    // at moments that depend on the clock, which request counts must never see.
    subgraphHealthIntervalMs: 0,
    exampleQueriesDir: DEFAULT_EXAMPLE_QUERIES_DIR,
    auth: { methods: [] },
    introspection: true,
    graphiql: true,
    corsOrigins: [],
    rateLimitPerMinute: 0,
    cachePrefix: 'devgraph-test',
    trustedDocuments: 'off',
    ...overrides,
  };
}

export async function startCatalog(catalogPaths: string[] = [DEMO_CATALOG_PATH], port = 0): Promise<RunningServer> {
  return createCatalogSubgraph(
    { port, host: '127.0.0.1', logLevel: 'silent', catalogPaths, cwd: path.resolve(__dirname, '../..') },
    memoryLogger('catalog').logger,
  );
}

export interface Stack {
  gateway: RunningGateway;
  catalog: RunningServer;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The catalog subgraph and the gateway on free ports, composed by introspection as in `npm start`. */
export async function startStack(options: { catalogPaths?: string[]; extraSubgraphs?: SubgraphEndpoint[]; gateway?: Partial<GatewayConfig> } = {}): Promise<Stack> {
  const catalog = await startCatalog(options.catalogPaths);
  const gateway = await startGateway(
    gatewayConfig([{ name: 'catalog', url: catalog.url }, ...(options.extraSubgraphs ?? [])], options.gateway),
    memoryLogger('gateway').logger,
  );
  await gateway.ready;
  return {
    gateway,
    catalog,
    query: (q, v) => postGraphQL(gateway.url, q, v),
    async close() {
      await gateway.close();
      await catalog.close();
    },
  };
}
