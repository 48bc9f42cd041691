import { upstreamPolicy } from '@devgraph/runtime';

/** PagerDuty's name in errors (`extensions.upstream`), logs, metric labels and cache namespaces. */
export const PAGERDUTY = 'pagerduty';

/**
 * How devgraph treats PagerDuty: the shared defaults, except that no single wait lasts over 2 s.
 * pdjs already waits out a 429 three times inside every attempt (PAGERDUTY_RATE_LIMIT_WAIT_MS),
 * so a `Retry-After` longer than that means the account's budget is spent for a while: a
 * dashboard held open is better answered at once from the stale cache, or with
 * UPSTREAM_RATE_LIMITED. Operators override any of it with `PAGERDUTY_TIMEOUT_MS`,
 * `PAGERDUTY_RETRIES`, ... (see config.ts).
 */
export const PAGERDUTY_POLICY = upstreamPolicy({ maxDelayMs: 2_000 });
