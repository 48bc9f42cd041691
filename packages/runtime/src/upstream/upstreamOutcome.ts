import { UpstreamError } from '../errors';

/**
 * The outcome label of one upstream call. A closed set, so the metric's series count is bounded
 * whatever the tools answer: a status code becomes its class, never its own label value.
 */
export type UpstreamOutcome =
  | 'ok' | 'timeout' | 'network' | 'rate_limited' | 'circuit_open' | 'not_found'
  | 'http_4xx' | 'http_5xx' | 'skipped' | 'error';

export function upstreamOutcome(error: unknown): UpstreamOutcome {
  if (!(error instanceof UpstreamError)) return 'error';
  switch (error.kind) {
    case 'timeout':
      return 'timeout';
    case 'network':
      return 'network';
    case 'rate-limited':
      return 'rate_limited';
    case 'circuit-open':
      return 'circuit_open';
    case 'not-found':
      return 'not_found';
    case 'http':
      break;
  }
  const status = error.status ?? 0;
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  return status >= 500 ? 'http_5xx' : 'http_4xx';
}
