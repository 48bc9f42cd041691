import { z } from 'zod';
import { configFields, readConfig } from '@devgraph/runtime';

const nonNegativeInt = (fallback: number, what: string) =>
  z.coerce.number().int().min(0).default(fallback).describe(`a whole number of ${what}, 0 or more (default ${fallback})`);

export const incidentsConfigSchema = z.object({
  PORT: configFields.port(4003),
  HOST: configFields.host(),
  LOG_LEVEL: configFields.logLevel(),
  PAGERDUTY_API_URL: configFields.url('https://api.pagerduty.com').default('https://api.pagerduty.com'),
  PAGERDUTY_TOKEN: z.string().min(1).describe('a PagerDuty REST API key (read-only is enough)'),
  PAGERDUTY_TIMEOUT_MS: configFields.positiveInt(10_000, 'milliseconds per attempt (all pages of one list)'),
  PAGERDUTY_RETRIES: nonNegativeInt(2, 'retries after a 429, 5xx, timeout or network failure'),
  PAGERDUTY_RETRY_BASE_MS: configFields.positiveInt(200, 'milliseconds for the first backoff'),
  PAGERDUTY_RETRY_MAX_MS: configFields.positiveInt(2_000, 'milliseconds: the longest wait, backoff or Retry-After; a longer Retry-After fails at once'),
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
  logLevel: string;
  pagerduty: {
    apiUrl: string;
    /** Secret: sent only as `Authorization: Token token=...`; runService scrubs it from logs. */
    token: string;
    timeoutMs: number;
    retries: number;
    retryBaseMs: number;
    retryMaxMs: number;
    rateLimitWaitMs: number;
    pageSize: number;
    maxPages: number;
    chunkSize: number;
    batchWindowMs: number;
    /** Circuit breaker tuning; the runtime's defaults when unset (not an env knob: tests use it). */
    breaker?: { volumeThreshold?: number; resetTimeoutMs?: number; errorThresholdPercentage?: number };
  };
  cache: { redisUrl?: string; prefix: string; incidentsTtlSeconds: number; onCallTtlSeconds: number };
}

export function readIncidentsConfig(env: Record<string, string | undefined> = process.env): IncidentsConfig {
  const c = readConfig(incidentsConfigSchema, env);
  return {
    port: c.PORT,
    host: c.HOST,
    logLevel: c.LOG_LEVEL,
    pagerduty: {
      apiUrl: c.PAGERDUTY_API_URL,
      token: c.PAGERDUTY_TOKEN,
      timeoutMs: c.PAGERDUTY_TIMEOUT_MS,
      retries: c.PAGERDUTY_RETRIES,
      retryBaseMs: c.PAGERDUTY_RETRY_BASE_MS,
      retryMaxMs: c.PAGERDUTY_RETRY_MAX_MS,
      rateLimitWaitMs: c.PAGERDUTY_RATE_LIMIT_WAIT_MS,
      pageSize: c.PAGERDUTY_PAGE_SIZE,
      maxPages: c.PAGERDUTY_MAX_PAGES,
      chunkSize: c.PAGERDUTY_CHUNK_SIZE,
      batchWindowMs: c.PAGERDUTY_BATCH_WINDOW_MS,
    },
    cache: { redisUrl: c.REDIS_URL, prefix: c.CACHE_PREFIX, incidentsTtlSeconds: c.PAGERDUTY_INCIDENTS_TTL_SECONDS, onCallTtlSeconds: c.PAGERDUTY_ONCALL_TTL_SECONDS },
  };
}
