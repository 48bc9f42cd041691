import type { RunningServer } from '@devgraph/runtime';
import { startCatalog, gatewayConfig, postGraphQL, type GraphQLResponse } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import { freePort } from '../../../test/support/freePort';
import { DEMO_CATALOG_PATH } from '../../catalog/src/config';
import { startGateway, type RunningGateway } from '../../../gateway/src/startGateway';
import { createIncidentsSubgraph } from '../src/createIncidentsSubgraph';
import type { IncidentsConfig } from '../src/config';
import { startPagerDutySimulator, type PagerDutySimulator, type PagerDutySimulatorOptions } from '../simulator/startPagerDutySimulator';

export const TEST_TOKEN = 'pd-test-token-5f3c9a1e7b2d4086';

export interface IncidentsStackOptions {
  simulator?: PagerDutySimulatorOptions;
  /** Start no simulator and point the subgraph at a port nobody listens on. */
  simulatorDown?: boolean;
  /** The token the subgraph sends (default: the one the simulator accepts). */
  token?: string;
  pagerduty?: Partial<IncidentsConfig['pagerduty']>;
  catalogPaths?: string[];
}

export interface IncidentsStack {
  sim?: PagerDutySimulator;
  catalog: RunningServer;
  incidents: RunningServer;
  gateway: RunningGateway;
  /** Every line the incidents subgraph logged (its logger has no secret scrubbing: leaks show). */
  logLines: string[];
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The catalog, the PagerDuty simulator, the incidents subgraph and the gateway, all on free
 * ports, composed as in `npm start`. Caches are fresh for 0 s (every query reaches the
 * simulator, stale values still back errors), retries are fast and the breaker stays closed.
 */
export async function startIncidentsStack(options: IncidentsStackOptions = {}): Promise<IncidentsStack> {
  const sim = options.simulatorDown ? undefined : await startPagerDutySimulator({ token: TEST_TOKEN, ...options.simulator });
  const apiUrl = sim?.url ?? `http://127.0.0.1:${await freePort()}`;
  const catalog = await startCatalog(options.catalogPaths ?? [DEMO_CATALOG_PATH]);
  const { logger, lines } = memoryLogger('incidents');
  const incidents = await createIncidentsSubgraph(
    {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'debug',
      pagerduty: {
        apiUrl,
        token: options.token ?? TEST_TOKEN,
        timeoutMs: 2_000,
        retries: 2,
        retryBaseMs: 5,
        retryMaxMs: 50,
        rateLimitWaitMs: 1,
        pageSize: 100,
        maxPages: 10,
        chunkSize: 50,
        // Wide enough that the gateway's parallel subgraph requests always meet in one batch.
        batchWindowMs: 25,
        breaker: { volumeThreshold: 1_000 },
        ...options.pagerduty,
      },
      cache: { prefix: 'test', incidentsTtlSeconds: 0, onCallTtlSeconds: 0 },
    },
    logger,
  );
  const gateway = await startGateway(
    gatewayConfig([
      { name: 'catalog', url: catalog.url },
      { name: 'incidents', url: incidents.url },
    ]),
    memoryLogger('gateway').logger,
  );
  await gateway.ready;
  return {
    sim,
    catalog,
    incidents,
    gateway,
    logLines: lines,
    query: (q, v) => postGraphQL(gateway.url, q, v),
    async close() {
      await gateway.close();
      await incidents.close();
      await catalog.close();
      await sim?.close();
    },
  };
}

/** The first error whose path starts with `path` (e.g. `['entity', 'incidents']`). */
export function errorAt(result: GraphQLResponse<unknown>, ...path: (string | number)[]) {
  return result.errors?.find((e) => path.every((p, i) => e.path?.[i] === p));
}
