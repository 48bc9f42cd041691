import { z } from 'zod';
import { configFields, readConfig, readUpstreamPolicy, upstreamPolicyFields, type UpstreamPolicy, readSubgraphTrust, subgraphTrustFields, type SubgraphTrust } from '@devgraph/runtime';
import { PAGERDUTY_POLICY } from './sources/pagerduty/pagerDutyPolicy';

const nonNegativeInt = (fallback: number, what: string) =>
  z.coerce.number().int().min(0).default(fallback).describe(`a whole number of ${what}, 0 or more (default ${fallback})`);

/** Names this package documented before every upstream's policy had the same variables: still read. */
const legacyField = (current: string) =>
  z.coerce.number().int().min(0).max(300_000).optional().describe(`a whole number of milliseconds (older name of ${current}, which wins when both are set)`);

export const incidentsConfigSchema = z.object({
  PORT: configFields.port(4003),
  HOST: configFields.host(),
  ...subgraphTrustFields(),
  LOG_LEVEL: configFields.logLevel(),
  PAGERDUTY_API_URL: configFields.url('https://api.pagerduty.com').default('https://api.pagerduty.com'),
  PAGERDUTY_TOKEN: z.string().min(1).describe('a PagerDuty REST API key (read-only is enough)'),
  // PAGERDUTY_TIMEOUT_MS, PAGERDUTY_RETRIES, PAGERDUTY_RETRY_BASE_DELAY_MS, PAGERDUTY_RETRY_MAX_DELAY_MS, PAGERDUTY_BREAKER_RESET_MS
  ...upstreamPolicyFields('PAGERDUTY', PAGERDUTY_POLICY),
  PAGERDUTY_RETRY_BASE_MS: legacyField('PAGERDUTY_RETRY_BASE_DELAY_MS'),
  PAGERDUTY_RETRY_MAX_MS: legacyField('PAGERDUTY_RETRY_MAX_DELAY_MS'),
  PAGERDUTY_RATE_LIMIT_WAIT_MS: nonNegativeInt(250, "milliseconds pdjs waits between its own three 429 retries (pdjs's default is 20000)"),
  PAGERDUTY_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(100).describe('items per page, 1 to 100 (default 100)'),
  PAGERDUTY_MAX_PAGES: configFields.positiveInt(10, 'pages read per list before the result is marked truncated'),
  PAGERDUTY_CHUNK_SIZE: configFields.positiveInt(50, 'ids per service_ids[]/escalation_policy_ids[] query'),
  PAGERDUTY_BATCH_WINDOW_MS: nonNegativeInt(5, 'milliseconds to collect questions from concurrent subgraph requests into one PagerDuty call'),
  PAGERDUTY_INCIDENTS_TTL_SECONDS: nonNegativeInt(30, 'seconds incidents, acknowledgements and change events are cached'),
  PAGERDUTY_ONCALL_TTL_SECONDS: nonNegativeInt(120, 'seconds on-call shifts are cached'),
  REDIS_URL: configFields.redisUrl(),
  CACHE_PREFIX: configFields.cachePrefix(),
});

export interface IncidentsConfig {
  port: number;
  host: string;
  /** Which requests are served: SUBGRAPH_SECRET and SUBGRAPH_AUTH (readSubgraphTrust); absent: open on loopback. */
  trust?: SubgraphTrust;
  logLevel: string;
  pagerduty: {
    apiUrl: string;
    /** Secret: sent only as `Authorization: Token token=...`; runService scrubs it from logs. */
    token: string;
    /** Timeout per attempt (one attempt reads all pages of a list), retries, backoff and breaker (pagerDutyPolicy.ts). */
    policy: UpstreamPolicy;
    rateLimitWaitMs: number;
    pageSize: number;
    maxPages: number;
    chunkSize: number;
    batchWindowMs: number;
  };
  cache: { redisUrl?: string; prefix: string; incidentsTtlSeconds: number; onCallTtlSeconds: number };
}

export function readIncidentsConfig(env: Record<string, string | undefined> = process.env): IncidentsConfig {
  const c = readConfig(incidentsConfigSchema, env);
  // An older name counts only when the current one is unset (empty counts as unset, as everywhere).
  const orLegacy = (current: 'PAGERDUTY_RETRY_BASE_DELAY_MS' | 'PAGERDUTY_RETRY_MAX_DELAY_MS', legacy: number | undefined) =>
    (env[current]?.trim() ?? '') === '' && legacy !== undefined ? legacy : c[current];
  const policyValues = {
    ...c,
    PAGERDUTY_RETRY_BASE_DELAY_MS: orLegacy('PAGERDUTY_RETRY_BASE_DELAY_MS', c.PAGERDUTY_RETRY_BASE_MS),
    PAGERDUTY_RETRY_MAX_DELAY_MS: orLegacy('PAGERDUTY_RETRY_MAX_DELAY_MS', c.PAGERDUTY_RETRY_MAX_MS),
  };
  return {
    port: c.PORT,
    host: c.HOST,
    trust: readSubgraphTrust(c, c.HOST),
    logLevel: c.LOG_LEVEL,
    pagerduty: {
      apiUrl: c.PAGERDUTY_API_URL,
      token: c.PAGERDUTY_TOKEN,
      policy: readUpstreamPolicy('PAGERDUTY', policyValues, PAGERDUTY_POLICY),
      rateLimitWaitMs: c.PAGERDUTY_RATE_LIMIT_WAIT_MS,
      pageSize: c.PAGERDUTY_PAGE_SIZE,
      maxPages: c.PAGERDUTY_MAX_PAGES,
      chunkSize: c.PAGERDUTY_CHUNK_SIZE,
      batchWindowMs: c.PAGERDUTY_BATCH_WINDOW_MS,
    },
    cache: { redisUrl: c.REDIS_URL, prefix: c.CACHE_PREFIX, incidentsTtlSeconds: c.PAGERDUTY_INCIDENTS_TTL_SECONDS, onCallTtlSeconds: c.PAGERDUTY_ONCALL_TTL_SECONDS },
  };
}
