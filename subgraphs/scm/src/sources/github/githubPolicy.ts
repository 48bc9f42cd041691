import { upstreamPolicy } from '@devgraph/runtime';

/** GitHub's name in errors (`extensions.upstream`), logs, metric labels and cache keys. */
export const GITHUB = 'github';

/**
 * How devgraph treats GitHub: the shared defaults, except that no single wait lasts over 2 s.
 * GitHub's own waits are long (a secondary rate limit says `Retry-After: 60`, a spent budget waits
 * for the hourly reset), and while devgraph waits a dashboard's request is held open; past 2 s it
 * is better to answer at once from the cache, or with UPSTREAM_RATE_LIMITED, than to keep waiting.
 * Operators override any of it with `GITHUB_TIMEOUT_MS`, `GITHUB_RETRIES`, ... (see config.ts).
 */
export const GITHUB_POLICY = upstreamPolicy({ maxDelayMs: 2_000 });
