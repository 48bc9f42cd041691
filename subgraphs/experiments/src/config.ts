import { z } from 'zod';
import { configFields, readConfig, readUpstreamPolicy, upstreamPolicyFields, type UpstreamPolicy, readSubgraphTrust, subgraphTrustFields, type SubgraphTrust } from '@devgraph/runtime';
import { GROWTHBOOK_POLICY } from './sources/growthbook/growthBookPolicy';

export const DEFAULT_GROWTHBOOK_API_URL = 'https://api.growthbook.io/api';

const nonNegativeInt = (fallback: number, what: string) =>
  z.coerce.number().int().min(0).default(fallback).describe(`a whole number of ${what}, 0 or more (default ${fallback})`);

export const experimentsConfigSchema = z.object({
  PORT: configFields.port(4004),
  HOST: configFields.host(),
  ...subgraphTrustFields(),
  LOG_LEVEL: configFields.logLevel(),
  GROWTHBOOK_API_URL: configFields.url(DEFAULT_GROWTHBOOK_API_URL).default(DEFAULT_GROWTHBOOK_API_URL),
  GROWTHBOOK_API_KEY: z.string().optional().describe('a GrowthBook secret API key (Settings > API Keys), e.g. secret_abc123'),
  GROWTHBOOK_APP_URL: configFields.url('https://app.growthbook.io').default('https://app.growthbook.io'),
  // GROWTHBOOK_TIMEOUT_MS, GROWTHBOOK_RETRIES, GROWTHBOOK_RETRY_BASE_DELAY_MS, GROWTHBOOK_RETRY_MAX_DELAY_MS, GROWTHBOOK_BREAKER_RESET_MS
  ...upstreamPolicyFields('GROWTHBOOK', GROWTHBOOK_POLICY),
  GROWTHBOOK_MAX_PAGES: configFields.positiveInt(10, 'pages of 100 items one list may take'),
  GROWTHBOOK_RESULTS_CONCURRENCY: configFields.positiveInt(4, 'results requests in flight per GraphQL operation'),
  EXPERIMENTS_CACHE_TTL_SECONDS: configFields.positiveInt(60, 'seconds experiment and feature lists stay fresh'),
  RESULTS_CACHE_TTL_SECONDS: configFields.positiveInt(900, 'seconds experiment results stay fresh'),
  CACHE_STALE_SECONDS: nonNegativeInt(86400, 'seconds stale data may be served while GrowthBook fails'),
  REDIS_URL: configFields.redisUrl(),
  CACHE_PREFIX: configFields.cachePrefix(),
});

export interface ExperimentsConfig {
  port: number;
  host: string;
  /** Which requests are served: SUBGRAPH_SECRET and SUBGRAPH_AUTH (readSubgraphTrust); absent: open on loopback. */
  trust?: SubgraphTrust;
  logLevel: string;
  growthbook: {
    apiUrl: string;
    /** Secret: sent as `Authorization: Bearer`, scrubbed from logs, never in errors. */
    apiKey?: string;
    appUrl: string;
    /** Timeout, retries, backoff and breaker: the runtime's defaults with GrowthBook's differences (growthBookPolicy.ts). */
    policy: UpstreamPolicy;
    maxPages: number;
    resultsConcurrency: number;
  };
  cache: {
    redisUrl?: string;
    keyPrefix: string;
    /** Fresh time of experiment lists, single experiments and feature lists. */
    metadataTtlSeconds: number;
    /** Fresh time of results. */
    resultsTtlSeconds: number;
    staleSeconds: number;
  };
}

export function readExperimentsConfig(env: Record<string, string | undefined> = process.env): ExperimentsConfig {
  const c = readConfig(experimentsConfigSchema, env);
  return {
    port: c.PORT,
    host: c.HOST,
    trust: readSubgraphTrust(c, c.HOST),
    logLevel: c.LOG_LEVEL,
    growthbook: {
      apiUrl: c.GROWTHBOOK_API_URL,
      apiKey: c.GROWTHBOOK_API_KEY,
      appUrl: c.GROWTHBOOK_APP_URL,
      policy: readUpstreamPolicy('GROWTHBOOK', c, GROWTHBOOK_POLICY),
      maxPages: c.GROWTHBOOK_MAX_PAGES,
      resultsConcurrency: c.GROWTHBOOK_RESULTS_CONCURRENCY,
    },
    cache: {
      redisUrl: c.REDIS_URL,
      // A separator after the deployment prefix keeps `devgraph` and `devgraph2` apart in Redis.
      keyPrefix: `${c.CACHE_PREFIX}:`,
      metadataTtlSeconds: c.EXPERIMENTS_CACHE_TTL_SECONDS,
      resultsTtlSeconds: c.RESULTS_CACHE_TTL_SECONDS,
      staleSeconds: c.CACHE_STALE_SECONDS,
    },
  };
}
