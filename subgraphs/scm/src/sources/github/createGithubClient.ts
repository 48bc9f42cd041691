import type { graphql as OctokitGraphql } from '@octokit/graphql' with { 'resolution-mode': 'import' };
import { createUpstreamCaller, redactUrl, UpstreamError, type BreakerOptions, type Logger, type Metrics, type UpstreamEvent } from '@devgraph/runtime';
import type { GithubQuery } from './buildGithubQuery';
import type { RateLimitBudget } from './createRateLimitBudget';
import type { GithubGraphqlError } from './readGithubResponse';
import { classifyGraphqlErrors, isOctokitGraphqlError, toGithubError, UNKNOWN_RESET_MS } from './toGithubError';

export interface GithubClientOptions {
  /** REST base URL (`https://api.github.com`, `https://ghe.example.com/api`); octokit posts to `${apiUrl}/graphql`. */
  apiUrl: string;
  token?: string;
  timeoutMs: number;
  retries: number;
  /** Cap on one wait between retries; a longer Retry-After/reset ends the call at once. Default 2000. */
  maxDelayMs?: number;
  breaker?: BreakerOptions;
  budget: RateLimitBudget;
  logger: Logger;
  metrics: Metrics;
}

export interface GithubAnswer {
  data: Record<string, unknown>;
  /** Errors GitHub scoped to one of our aliases (NOT_FOUND, FORBIDDEN, ...). */
  errors: GithubGraphqlError[];
}

export interface GithubClient {
  /** One GitHub GraphQL call for a planned batch, through timeout, retries, breaker and the budget check. */
  query(plan: GithubQuery): Promise<GithubAnswer>;
  close(): void;
}

interface RateLimitField { cost?: number; remaining: number; resetAt: string; limit?: number }

function logEvent(logger: Logger, event: UpstreamEvent): void {
  // Only kind/status/message: an error's cause may carry the request, which we keep out of logs.
  const error = 'error' in event ? { kind: event.error.kind, status: event.error.status, message: event.error.message } : undefined;
  logger.warn({ event: event.type, error, ...('delayMs' in event ? { delayMs: event.delayMs } : {}) }, `github upstream ${event.type}`);
}

/**
 * The real GitHub client: `@octokit/graphql` with the token in a default header. Octokit is
 * ESM-only, hence the dynamic import (this package is CommonJS), and the factory is async.
 */
export async function createGithubClient(options: GithubClientOptions): Promise<GithubClient> {
  const { graphql } = await import('@octokit/graphql');
  const client: typeof OctokitGraphql = graphql.defaults({
    baseUrl: options.apiUrl,
    headers: { 'user-agent': 'devgraph-scm', ...(options.token ? { authorization: `bearer ${options.token}` } : {}) },
  });
  const request = `POST ${redactUrl(`${options.apiUrl}/graphql`)}`;
  const { budget, metrics } = options;
  const caller = createUpstreamCaller({
    upstream: 'github',
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    baseDelayMs: 200,
    maxDelayMs: options.maxDelayMs ?? 2000,
    breaker: options.breaker,
    onEvent: (event) => logEvent(options.logger, event),
  });

  const recordField = (field: RateLimitField | undefined) => {
    if (field) budget.record({ remaining: field.remaining, resetAt: Date.parse(field.resetAt), cost: field.cost, limit: field.limit });
  };

  async function attempt(plan: GithubQuery, signal: AbortSignal): Promise<GithubAnswer> {
    try {
      const data = await client<Record<string, unknown>>(plan.query, { ...plan.variables, request: { signal } });
      recordField(data.rateLimit as RateLimitField | undefined);
      return { data, errors: [] };
    } catch (error) {
      if (isOctokitGraphqlError(error)) {
        const field = error.data?.rateLimit as RateLimitField | undefined;
        recordField(field);
        try {
          return { data: error.data ?? {}, errors: classifyGraphqlErrors(error, request, field?.resetAt).perUnit };
        } catch (classified) {
          noteExhausted(classified);
          throw classified;
        }
      }
      const mapped = toGithubError(error, request);
      noteExhausted(mapped);
      throw mapped;
    }
  }

  /** An exhausted-budget answer is budget news too: stop calling until GitHub's reset. */
  function noteExhausted(error: unknown) {
    if (error instanceof UpstreamError && error.kind === 'rate-limited') {
      budget.record({ remaining: 0, resetAt: Date.now() + (error.retryAfterMs ?? UNKNOWN_RESET_MS) });
    }
  }

  return {
    async query(plan) {
      const blocked = budget.check();
      if (blocked) {
        metrics.upstreamCalls.inc({ upstream: 'github', outcome: 'skipped-rate-limit' });
        throw blocked;
      }
      try {
        const answer = await caller.call((signal) => attempt(plan, signal), `batch of ${plan.units.length}`);
        metrics.upstreamCalls.inc({ upstream: 'github', outcome: 'ok' });
        return answer;
      } catch (error) {
        metrics.upstreamCalls.inc({ upstream: 'github', outcome: error instanceof UpstreamError ? error.kind : 'error' });
        throw error;
      }
    },
    close: () => caller.close(),
  };
}
