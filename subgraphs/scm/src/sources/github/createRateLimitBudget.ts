import type { Logger, Metrics } from '@devgraph/runtime';
import { rateLimited } from './githubError';
import { GITHUB } from './githubPolicy';

export interface RateLimitSnapshot {
  remaining: number;
  /** Epoch ms when GitHub refills the budget. */
  resetAt: number;
  cost?: number;
  limit?: number;
}

export interface RateLimitBudget {
  /** What GitHub reported on the last answer (the `rateLimit` field or an exhausted-limit error). */
  record(snapshot: RateLimitSnapshot): void;
  /** An UPSTREAM_RATE_LIMITED error while the budget is below the threshold, until the reset. */
  check(): Error | undefined;
  last(): RateLimitSnapshot | undefined;
}

export interface RateLimitBudgetOptions {
  minRemaining: number;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
}

/**
 * GitHub's GraphQL budget as this process last saw it. Below `minRemaining` devgraph stops
 * calling until the reset so that whatever budget is left stays available to people and CI
 * sharing the token, and serves cached data meanwhile. Per process: replicas each learn the
 * budget from their own next answer, which costs at most one call each.
 */
export function createRateLimitBudget(options: RateLimitBudgetOptions): RateLimitBudget {
  const now = options.now ?? Date.now;
  let latest: RateLimitSnapshot | undefined;
  return {
    record(snapshot) {
      latest = snapshot;
      options.metrics.upstreamBudget.set({ upstream: GITHUB }, snapshot.remaining);
      const fields = { remaining: snapshot.remaining, cost: snapshot.cost, limit: snapshot.limit, resetAt: new Date(snapshot.resetAt).toISOString() };
      if (snapshot.remaining < options.minRemaining) {
        options.logger.warn({ ...fields, minRemaining: options.minRemaining }, 'GitHub rate-limit budget below threshold: serving from cache until the reset');
      } else {
        options.logger.info(fields, 'GitHub rate-limit budget');
      }
    },
    check() {
      if (!latest || latest.remaining >= options.minRemaining) return undefined;
      const waitMs = latest.resetAt - now();
      if (waitMs <= 0) return undefined; // the budget has been refilled; the next answer says by how much
      return rateLimited(`budget nearly used up (${latest.remaining} points left, resets ${new Date(latest.resetAt).toISOString()}); devgraph is not calling GitHub until then`, waitMs);
    },
    last: () => latest,
  };
}
