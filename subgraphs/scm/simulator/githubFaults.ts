import type { Fault } from '@devgraph/simulator-kit';

const inOneHour = () => String(Math.floor(Date.now() / 1000) + 3600);

/**
 * The failures GitHub really produces, as simulator-kit faults: `sim.inject(githubFaults.rateLimited())`.
 * Also over HTTP for the demo: `POST /__simulator/faults` with the same JSON.
 */
export const githubFaults = {
  /** Primary GraphQL limit: HTTP 200 with `errors[].type` `RATE_LIMITED` (newer API: `RATE_LIMIT`). */
  rateLimited: (type: 'RATE_LIMITED' | 'RATE_LIMIT' = 'RATE_LIMITED', times?: number): Fault => ({
    pathIncludes: '/graphql',
    status: 200,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inOneHour(), 'x-ratelimit-resource': 'graphql' },
    body: { errors: [{ type, code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }] },
    times,
  }),
  /** Secondary limit: 403 with Retry-After. */
  secondaryRateLimit: (retryAfterSeconds = 60, times?: number): Fault => ({
    pathIncludes: '/graphql',
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api' },
    times,
  }),
  /** 429 Too Many Requests with Retry-After. */
  tooManyRequests: (retryAfterSeconds = 60, times?: number): Fault => ({
    pathIncludes: '/graphql',
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'Too Many Requests' },
    times,
  }),
  serverError: (status = 502, times?: number): Fault => ({ pathIncludes: '/graphql', status, body: { message: 'Server Error' }, times }),
  hang: (times?: number): Fault => ({ pathIncludes: '/graphql', hang: true, times }),
};
