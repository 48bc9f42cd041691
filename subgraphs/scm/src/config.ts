import { z } from 'zod';
import { configFields, readConfig, readUpstreamPolicy, upstreamPolicyFields, type UpstreamPolicy, readSubgraphTrust, subgraphTrustFields, type SubgraphTrust } from '@devgraph/runtime';
import { GITHUB_POLICY } from './sources/github/githubPolicy';

export const scmConfigSchema = z.object({
  PORT: configFields.port(4002),
  HOST: configFields.host(),
  ...subgraphTrustFields(),
  LOG_LEVEL: configFields.logLevel(),
  GITHUB_API_URL: configFields.url('https://api.github.com or https://github.example.com/api (GitHub Enterprise)').default('https://api.github.com'),
  GITHUB_TOKEN: z.string().optional().describe('a GitHub token (classic or fine-grained) with read access to the repositories'),
  // GITHUB_TIMEOUT_MS, GITHUB_RETRIES, GITHUB_RETRY_BASE_DELAY_MS, GITHUB_RETRY_MAX_DELAY_MS, GITHUB_BREAKER_RESET_MS
  ...upstreamPolicyFields('GITHUB', GITHUB_POLICY),
  GITHUB_RATE_LIMIT_MIN_REMAINING: z.coerce.number().int().min(0).default(100).describe('a whole number of GraphQL points: below it devgraph stops calling GitHub until the reset (default 100)'),
  GITHUB_MAX_REPOS_PER_QUERY: configFields.positiveInt(50, 'repositories, teams or users one GitHub query may ask for'),
  SCM_CACHE_TTL_SECONDS: z.coerce.number().min(0).optional().describe('seconds every kind of GitHub data stays fresh (unset: per-kind defaults, see README)'),
  SCM_CACHE_STALE_SECONDS: z.coerce.number().min(0).default(86_400).describe('seconds cached data may still be served after it goes stale when GitHub fails (default 86400)'),
  SCM_ALLOW_ANY_REPOSITORY: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true to let Query.repository read any repository the token can (default false: only through a catalog entity)'),
  REDIS_URL: configFields.redisUrl(),
  CACHE_PREFIX: configFields.cachePrefix(),
});

export interface ScmConfig {
  port: number;
  host: string;
  /** Which requests are served: SUBGRAPH_SECRET and SUBGRAPH_AUTH (readSubgraphTrust); absent: open on loopback. */
  trust?: SubgraphTrust;
  logLevel: string;
  github: {
    /** GitHub's REST base URL; octokit posts GraphQL to `${apiUrl}/graphql`. */
    apiUrl: string;
    /** Secret: never logged (runService scrubs it) and never put in an error. */
    token?: string;
    /** Timeout, retries, backoff and breaker: the runtime's defaults with GitHub's differences (githubPolicy.ts). */
    policy: UpstreamPolicy;
    /** Below this many remaining points, serve from cache and report UPSTREAM_RATE_LIMITED. */
    minRemaining: number;
    maxUnitsPerQuery: number;
  };
  /**
   * SCM_ALLOW_ANY_REPOSITORY: `Query.repository(owner, name)` reads whatever the server's token
   * can; by default it is FORBIDDEN and repositories are reached through the catalog's entities.
   */
  allowAnyRepository: boolean;
  cache: {
    redisUrl?: string;
    keyPrefix: string;
    /** Overrides every per-kind TTL when set (tests use 0 to force reloads). */
    ttlSeconds?: number;
    staleSeconds: number;
  };
}

export function readScmConfig(env: Record<string, string | undefined> = process.env): ScmConfig {
  const c = readConfig(scmConfigSchema, env);
  return {
    port: c.PORT,
    host: c.HOST,
    trust: readSubgraphTrust(c, c.HOST),
    logLevel: c.LOG_LEVEL,
    github: {
      apiUrl: c.GITHUB_API_URL.replace(/\/+$/, ''),
      token: c.GITHUB_TOKEN,
      policy: readUpstreamPolicy('GITHUB', c, GITHUB_POLICY),
      minRemaining: c.GITHUB_RATE_LIMIT_MIN_REMAINING,
      maxUnitsPerQuery: c.GITHUB_MAX_REPOS_PER_QUERY,
    },
    allowAnyRepository: c.SCM_ALLOW_ANY_REPOSITORY === 'true',
    cache: {
      redisUrl: c.REDIS_URL,
      // A separator after the deployment prefix keeps `devgraph` and `devgraph2` apart in Redis.
      keyPrefix: `${c.CACHE_PREFIX}:`,
      ttlSeconds: c.SCM_CACHE_TTL_SECONDS,
      staleSeconds: c.SCM_CACHE_STALE_SECONDS,
    },
  };
}
