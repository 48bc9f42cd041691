import { UpstreamError } from '../errors';

/** Socket and DNS failures (Node's `code`s and undici's), which say nothing about the request itself. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function codeOf(error: unknown): string | undefined {
  // fetch wraps the socket error: `TypeError: fetch failed` with the real one as `cause`.
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || TIMEOUT_CODES.has(code))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Normalises what an upstream operation threw. UpstreamErrors pass through; errors that look like
 * network failures become UpstreamError (`network`, or `timeout` for socket timeouts) so they are
 * retried and count against the breaker. Anything else is returned unchanged: data sources map
 * HTTP responses to UpstreamError themselves (they know the status and the tool's quirks), so an
 * unknown error is most likely a bug in our own code, and retrying it or letting it open the
 * circuit would turn a devgraph bug into "upstream down".
 */
export function asUpstreamError(error: unknown, upstream: string, request?: string): unknown {
  if (error instanceof UpstreamError) return error;
  const code = codeOf(error);
  if (!code) return error;
  return new UpstreamError({
    upstream,
    kind: TIMEOUT_CODES.has(code) ? 'timeout' : 'network',
    message: `could not reach ${upstream} (${code})`,
    request,
    cause: error,
  });
}
