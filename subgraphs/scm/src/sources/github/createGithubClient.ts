import type { graphql as OctokitGraphql } from '@octokit/graphql' with { 'resolution-mode': 'import' };
import { redactUrl, UpstreamError, type Upstream } from '@devgraph/runtime';
import type { GithubQuery } from './buildGithubQuery';
import type { RateLimitBudget } from './createRateLimitBudget';
import { classifyGraphqlErrors, isOctokitGraphqlError, toGithubError, UNKNOWN_RESET_MS } from './githubError';
import type { GithubGraphqlError, RawRateLimit } from './githubWire';

export interface GithubClientOptions {
  /** REST base URL (`https://api.github.com`, `https://ghe.example.com/api`); octokit posts to `${apiUrl}/graphql`. */
  apiUrl: string;
  /** GitHub as the runtime reaches it: token, timeout, retries, breaker, metrics and logs. */
  upstream: Upstream;
  budget: RateLimitBudget;
}

export interface GithubAnswer {
  data: Record<string, unknown>;
  /** Errors GitHub scoped to one of our aliases (NOT_FOUND, FORBIDDEN, ...). */
  errors: GithubGraphqlError[];
}

export interface GithubClient {
  /** One GitHub GraphQL call for a planned batch, through the budget check and the upstream's policy. */
  query(plan: GithubQuery): Promise<GithubAnswer>;
}

/**
 * The real GitHub client: `@octokit/graphql` with the upstream's credential as a default header.
 * Octokit is ESM-only, hence the dynamic import (this package is CommonJS), and the factory is async.
 */
export async function createGithubClient(options: GithubClientOptions): Promise<GithubClient> {
  const { upstream, budget } = options;
  const { graphql } = await import('@octokit/graphql');
  const client: typeof OctokitGraphql = graphql.defaults({
    baseUrl: options.apiUrl,
    headers: { 'user-agent': 'devgraph-scm', ...upstream.authHeaders() },
  });
  const request = `POST ${redactUrl(`${options.apiUrl}/graphql`)}`;

  const recordField = (field: RawRateLimit | undefined) => {
    if (field) budget.record({ remaining: field.remaining, resetAt: Date.parse(field.resetAt), cost: field.cost, limit: field.limit });
  };

  /** An exhausted-budget answer is budget news too: stop calling until GitHub's reset. */
  const noteExhausted = (error: unknown) => {
    if (error instanceof UpstreamError && error.kind === 'rate-limited') {
      budget.record({ remaining: 0, resetAt: Date.now() + (error.retryAfterMs ?? UNKNOWN_RESET_MS) });
    }
  };

  async function attempt(plan: GithubQuery, signal: AbortSignal): Promise<GithubAnswer> {
    try {
      const data = await client<Record<string, unknown>>(plan.query, { ...plan.variables, request: { signal } });
      recordField(data.rateLimit as RawRateLimit | undefined);
      return { data, errors: [] };
    } catch (error) {
      if (isOctokitGraphqlError(error)) {
        const field = error.data?.rateLimit as RawRateLimit | undefined;
        recordField(field);
        try {
          const { perUnit } = classifyGraphqlErrors(error, request, field?.resetAt, upstream.redact);
          // GitHub's per-alias messages end up in field errors: never with the token in them.
          return { data: error.data ?? {}, errors: perUnit.map((e) => ({ ...e, message: upstream.redact(e.message) })) };
        } catch (classified) {
          noteExhausted(classified);
          throw classified;
        }
      }
      const mapped = toGithubError(error, request, upstream.redact);
      noteExhausted(mapped);
      throw mapped;
    }
  }

  return {
    async query(plan) {
      // GitHub's GraphQL API answers nothing without a token: say which variable to set instead of asking.
      upstream.requireCredential(request);
      const blocked = budget.check();
      if (blocked) {
        upstream.skipped();
        throw blocked;
      }
      return upstream.call((signal) => attempt(plan, signal), `batch of ${plan.units.length}`);
    },
  };
}
