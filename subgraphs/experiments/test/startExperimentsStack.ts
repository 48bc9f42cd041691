import { upstreamPolicy, type RunningServer, type UpstreamPolicy } from '@devgraph/runtime';
import type { Simulator } from '@devgraph/simulator-kit';
import { startCatalog, gatewayConfig, postGraphQL, type GraphQLResponse } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import { freePort } from '../../../test/support/freePort';
import { startGateway, type RunningGateway } from '../../../gateway/src/startGateway';
import { createExperimentsSubgraph } from '../src/createExperimentsSubgraph';
import type { ExperimentsConfig } from '../src/config';
import { GROWTHBOOK_POLICY } from '../src/sources/growthbook/growthBookPolicy';
import { startGrowthBookSimulator, type GrowthBookSimulatorOptions } from '../simulator/startGrowthBookSimulator';

export const TEST_API_KEY = 'gb-test-secret-key-0123456789';

export interface ExperimentsStackOptions {
  catalogPaths?: string[];
  /** Simulator options, or `'down'` for a GrowthBook address where nothing listens. */
  simulator?: GrowthBookSimulatorOptions | 'down';
  growthbook?: Partial<Omit<ExperimentsConfig['growthbook'], 'policy'>>;
  /** Over the test policy below (timeouts, retries, backoff; the breaker never opens). */
  policy?: Partial<Omit<UpstreamPolicy, 'breaker'>> & { breaker?: Partial<UpstreamPolicy['breaker']> };
  cache?: Partial<ExperimentsConfig['cache']>;
}

export interface ExperimentsStack {
  gateway: RunningGateway;
  catalog: RunningServer;
  experiments: RunningServer;
  /** Absent when started with `simulator: 'down'`. */
  simulator?: Simulator;
  /** Every line the experiments subgraph logged (its logger is NOT told the key, on purpose). */
  logLines: string[];
  /** Moves the subgraph's clock (cache freshness), which otherwise stands still, forward without waiting. */
  advanceClock(seconds: number): void;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Catalog + GrowthBook simulator + experiments subgraph + gateway, all on free ports, as a user
 * meets them. Retries are off by default so fault tests see the first failure (no waiting), the
 * breaker never opens (tests inject failures on purpose), and each stack has its own clock, cache
 * and circuit breaker.
 */
export async function startExperimentsStack(options: ExperimentsStackOptions = {}): Promise<ExperimentsStack> {
  const simulator = options.simulator === 'down' ? undefined : await startGrowthBookSimulator({ token: TEST_API_KEY, ...options.simulator });
  const apiUrl = simulator ? `${simulator.url}/api` : `http://127.0.0.1:${await freePort()}/api`;
  // The subgraph's clock stands still unless the test moves it: cache freshness never depends
  // on how long a test took.
  const startedAt = Date.now();
  let clockOffsetMs = 0;
  const { logger, lines } = memoryLogger('experiments');
  const catalog = await startCatalog(options.catalogPaths);
  const experiments = await createExperimentsSubgraph(
    {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'debug',
      growthbook: {
        apiUrl,
        apiKey: TEST_API_KEY,
        appUrl: 'https://app.growthbook.io',
        // The timeout is longer than jest's test timeout, so an answer is never cut short because the
        // machine is busy; a timeout test makes GrowthBook hang and sets a short one.
        policy: upstreamPolicy({ ...GROWTHBOOK_POLICY, timeoutMs: 60_000, retries: 0, baseDelayMs: 1, ...options.policy, breaker: { volumeThreshold: 1000, ...options.policy?.breaker } }),
        maxPages: 10,
        resultsConcurrency: 4,
        ...options.growthbook,
      },
      cache: { keyPrefix: 'test:', metadataTtlSeconds: 60, resultsTtlSeconds: 900, staleSeconds: 86400, ...options.cache },
    },
    logger,
    { now: () => startedAt + clockOffsetMs },
  );
  const gateway = await startGateway(
    gatewayConfig([
      { name: 'catalog', url: catalog.url },
      { name: 'experiments', url: experiments.url },
    ]),
    memoryLogger('gateway').logger,
  );
  await gateway.ready;
  return {
    gateway,
    catalog,
    experiments,
    simulator,
    logLines: lines,
    advanceClock: (seconds) => void (clockOffsetMs += seconds * 1000),
    query: (q, v) => postGraphQL(gateway.url, q, v),
    async close() {
      await gateway.close();
      await experiments.close();
      await catalog.close();
      await simulator?.close();
    },
  };
}
