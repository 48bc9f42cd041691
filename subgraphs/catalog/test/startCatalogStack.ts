import path from 'node:path';
import { startGateway, type RunningGateway } from '../../../gateway/src/startGateway';
import { gatewayConfig, postGraphQL, type GraphQLResponse } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import { createCatalogSubgraph, type RunningCatalogSubgraph } from '../src/createCatalogSubgraph';
import type { CatalogConfig } from '../src/config';

export interface CatalogStack {
  gateway: RunningGateway;
  catalog: RunningCatalogSubgraph;
  /** Every line the catalog logged; its logger is given the secrets runService would give it. */
  logLines: string[];
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The catalog with the given sources (no files, no watch, no Backstage unless asked) behind a gateway. */
export async function startCatalogStack(config: Partial<CatalogConfig>, secrets: string[] = []): Promise<CatalogStack> {
  const { logger, lines } = memoryLogger('catalog', secrets);
  const catalog = await createCatalogSubgraph(
    { port: 0, host: '127.0.0.1', logLevel: 'debug', catalogPaths: [], cwd: path.resolve(__dirname, '../../..'), ...config },
    logger,
    // Retries happen at once: a test waits on what the catalog answers, not on backoff.
    { sleep: async () => undefined },
  );
  const gateway = await startGateway(gatewayConfig([{ name: 'catalog', url: catalog.url }]), memoryLogger('gateway').logger);
  await gateway.ready;
  return {
    gateway,
    catalog,
    logLines: lines,
    query: (q, v) => postGraphQL(gateway.url, q, v),
    async close() {
      await gateway.close();
      await catalog.close();
    },
  };
}

/** Polls `check` until it returns a value (not undefined); jest's test timeout bounds the wait, not the clock. */
export async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
