import { upstreamPolicy } from '@devgraph/runtime';

/** GrowthBook's name in errors (`extensions.upstream`), logs, metric labels and cache keys. */
export const GROWTHBOOK = 'growthbook';

/**
 * How devgraph treats GrowthBook: the shared defaults, except a 5 s attempt. The REST endpoints
 * devgraph calls read GrowthBook's own database (results are snapshots it computed earlier, never
 * a live warehouse query), so an answer slower than that means trouble; failing sooner lets the
 * cache's stale copy answer while the dashboard is still waiting. Operators override any of it
 * with `GROWTHBOOK_TIMEOUT_MS`, `GROWTHBOOK_RETRIES`, ... (see config.ts).
 */
export const GROWTHBOOK_POLICY = upstreamPolicy({ timeoutMs: 5_000 });
