import { upstreamPolicy, type RunningServer, type UpstreamPolicy } from '@devgraph/runtime';
import { startCatalog, gatewayConfig, postGraphQL, type GraphQLResponse } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import { freePort } from '../../../test/support/freePort';
import { DEMO_CATALOG_PATH } from '../../catalog/src/config';
import { startGateway, type RunningGateway } from '../../../gateway/src/startGateway';
import { createIncidentsSubgraph } from '../src/createIncidentsSubgraph';
import type { IncidentsConfig } from '../src/config';
import { startPagerDutySimulator, type PagerDutySimulator, type PagerDutySimulatorOptions } from '../simulator/startPagerDutySimulator';
import { createBatchGate, type BatchGate } from './createBatchGate';

export const TEST_TOKEN = 'pd-test-token-5f3c9a1e7b2d4086';
const MINUTE = 60_000;

export interface IncidentsStackOptions {
  simulator?: PagerDutySimulatorOptions;
  /** Start no simulator and point the subgraph at a port nobody listens on. */
  simulatorDown?: boolean;
  /** The token the subgraph sends (default: the one the simulator accepts). */
  token?: string;
  pagerduty?: Partial<Omit<IncidentsConfig['pagerduty'], 'policy'>>;
  /** Overrides of the test policy (timeout, retries, backoff, breaker). */
  policy?: Partial<Omit<UpstreamPolicy, 'breaker'>> & { breaker?: Partial<UpstreamPolicy['breaker']> };
  catalogPaths?: string[];
  /**
   * The clock of the simulator and of the subgraph's requests (default: the start of the
   * current minute, standing still), so "now", default windows and on-call shifts agree however
   * long a test takes.
   */
  now?: () => number;
}

export interface IncidentsStack {
  sim?: PagerDutySimulator;
  /** The clock the simulator and the subgraph share (see `IncidentsStackOptions.now`). */
  now: () => number;
  /** When batched PagerDuty questions are sent: hold it to check that requests share a call. */
  batches: BatchGate;
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
 * Nothing depends on the machine's speed: the clock stands still, batches are sent by a gate
 * (`batches`), and PagerDuty calls time out only when a simulator fault makes them hang.
 */
export async function startIncidentsStack(options: IncidentsStackOptions = {}): Promise<IncidentsStack> {
  const startedAt = Math.floor(Date.now() / MINUTE) * MINUTE;
  const now = options.now ?? (() => startedAt);
  const batches = createBatchGate();
  const sim = options.simulatorDown ? undefined : await startPagerDutySimulator({ token: TEST_TOKEN, now, ...options.simulator });
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
        policy: upstreamPolicy({
          // Longer than jest's test timeout: an answer is never cut short because the machine is
          // busy. A test of timeouts makes PagerDuty hang and sets a short one (incidentsFailures).
          timeoutMs: 60_000,
          retries: 2,
          baseDelayMs: 5,
          maxDelayMs: 50,
          ...options.policy,
          breaker: { volumeThreshold: 1_000, ...options.policy?.breaker },
        }),
        rateLimitWaitMs: 1,
        pageSize: 100,
        maxPages: 10,
        chunkSize: 50,
        batchWindowMs: 5, // not used: `batches` decides when a batch is sent
        ...options.pagerduty,
      },
      cache: { prefix: 'test', incidentsTtlSeconds: 0, onCallTtlSeconds: 0 },
    },
    logger,
    { now, batchWindow: batches },
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
    now,
    batches,
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
