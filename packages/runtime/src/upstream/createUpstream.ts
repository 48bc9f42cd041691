import type { Logger } from '../createLogger';
import { scrubSecrets } from '../createLogger';
import type { Metrics } from '../createMetrics';
import { cached, type Cache, type CachedOptions, type CachedResult, type CachePolicy } from '../cache';
import { UpstreamError } from '../errors';
import { createUpstreamCaller, type CircuitState, type UpstreamOperation } from './createUpstreamCaller';
import { logUpstreamEvent } from './logUpstreamEvent';
import { createStaleBudget } from './createStaleBudget';
import { createStaleTracker, type StaleTracker } from './createStaleTracker';
import { missingCredential, type UpstreamAuth } from './upstreamAuth';
import { upstreamOutcome, type UpstreamOutcome } from './upstreamOutcome';
import type { UpstreamPolicy } from './upstreamPolicy';

export interface UpstreamOptions {
  /** Tool name in errors, logs, metrics and `extensions.upstream`: `github`, `pagerduty`, ... */
  name: string;
  auth: UpstreamAuth;
  policy: UpstreamPolicy;
  logger: Logger;
  metrics?: Metrics;
  /** Clock for cache freshness; tests move it instead of waiting. */
  now?: () => number;
  /** In [0, 1); injectable for deterministic backoff in tests. */
  random?: () => number;
  /** Injectable so tests do not really wait between retries. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One upstream tool as every data source sees it: its credential, its policy (timeout, retries
 * with jitter honouring Retry-After, a circuit breaker a rate limit does not trip), and the
 * same metrics, logs and stale reporting for all four tools. A data source adds only what is
 * particular to the tool: its client library, its wire format and its error shapes.
 */
export interface Upstream {
  readonly name: string;
  readonly policy: UpstreamPolicy;
  /** Headers that carry the credential, for clients that take default headers. */
  authHeaders(): Record<string, string>;
  /** Throws UNAUTHENTICATED naming the variable when the tool needs a credential and has none. */
  requireCredential(request?: string): void;
  /** Runs one logical call (all its attempts) through timeout, retries and the breaker; counts and logs the outcome. */
  call<T>(operation: UpstreamOperation<T>, description: string): Promise<T>;
  /** Counts a call the data source decided not to make (e.g. a spent rate-limit budget). */
  skipped(): void;
  /**
   * Read-through the shared cache; a stale value served because the tool failed, or was slower
   * than `policy.staleAfterMs` (the refresh then goes on in the background), is counted and logged.
   */
  cached<T>(cache: Cache, policy: CachePolicy, key: string, load: () => Promise<T>, options?: CachedOptions): Promise<CachedResult<T>>;
  /**
   * This request's stale serves of the tool, for `extensions.stale`: `upstream.cached` notes its
   * own; a data source notes one it hands to a request another request's read fetched (a batch
   * shared across requests). The server runs each request in `stale.track`.
   */
  readonly stale: StaleTracker;
  /** Removes this tool's credential from text that came from the tool (an error body may echo it). */
  redact(text: string): string;
  state(): CircuitState;
  close(): void;
}

/** At most one "served stale data" line per upstream in this window; the metric counts every serve. */
const STALE_LOG_WINDOW_MS = 60_000;

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 0.5, open: 1 };

export function createUpstream(options: UpstreamOptions): Upstream {
  const { name, auth, policy, logger, metrics } = options;
  const secrets = auth.token && auth.token.length >= 4 ? [auth.token] : [];
  const redact = (text: string) => scrubSecrets(text, secrets);
  const count = (outcome: UpstreamOutcome) => metrics?.upstreamCalls.inc({ upstream: name, outcome });

  const caller = createUpstreamCaller({
    upstream: name,
    timeoutMs: policy.timeoutMs,
    retries: policy.retries,
    baseDelayMs: policy.baseDelayMs,
    maxDelayMs: policy.maxDelayMs,
    breaker: policy.breaker,
    random: options.random,
    sleep: options.sleep,
    onEvent: (event) => {
      logUpstreamEvent(logger, event, redact);
      if (event.type === 'circuit-open' || event.type === 'circuit-half-open' || event.type === 'circuit-close') {
        metrics?.upstreamCircuit.set({ upstream: name }, CIRCUIT_VALUE[caller.state()]);
      }
    },
  });
  metrics?.upstreamCircuit.set({ upstream: name }, 0);

  // A dashboard over 50 repositories while the tool is down serves 50 stale keys per request:
  // the metric counts each, the log says it once per window with how many it left out.
  const now = options.now ?? Date.now;
  let staleLoggedAt = -Infinity;
  let staleSuppressed = 0;
  const staleBudget = createStaleBudget({ upstream: name, staleAfterMs: policy.staleAfterMs });
  const stale = createStaleTracker(name);

  return {
    name,
    policy,
    authHeaders: () => auth.headers(),
    requireCredential(request) {
      if (!auth.token) throw missingCredential(name, auth, request);
    },
    async call<T>(operation: UpstreamOperation<T>, description: string): Promise<T> {
      const started = performance.now();
      try {
        const value = await caller.call(operation, description);
        count('ok');
        return value;
      } catch (error) {
        count(upstreamOutcome(error));
        if (error instanceof UpstreamError) throw redactError(error, redact);
        throw error;
      } finally {
        metrics?.upstreamDuration.observe({ upstream: name }, (performance.now() - started) / 1000);
      }
    },
    skipped: () => count('skipped'),
    async cached(cache, cachePolicy, key, load, cachedOptions) {
      const result = await cached(cache, cachePolicy, key, staleBudget.wrap(cache, cachePolicy, key, load), { now: options.now, ...cachedOptions });
      if (result.stale) {
        stale.note(result.storedAt);
        metrics?.upstreamStaleServed.inc({ upstream: name });
        if (now() - staleLoggedAt < STALE_LOG_WINDOW_MS) {
          staleSuppressed += 1;
        } else {
          const reason = result.error instanceof Error ? redact(result.error.message) : undefined;
          const storedAt = new Date(result.storedAt).toISOString();
          logger.warn({ upstream: name, namespace: cachePolicy.namespace, storedAt, reason, alsoServedStaleSinceLastLine: staleSuppressed }, `${name} failed; served stale data`);
          staleLoggedAt = now();
          staleSuppressed = 0;
        }
      }
      return result;
    },
    stale,
    redact,
    state: () => caller.state(),
    close: () => caller.close(),
  };
}

/** An UpstreamError whose message quoted the token gets a scrubbed copy; the rest is kept. */
function redactError(error: UpstreamError, redact: (text: string) => string): UpstreamError {
  const message = redact(error.message);
  if (message === error.message) return error;
  return new UpstreamError({
    upstream: error.upstream,
    message,
    status: error.status,
    kind: error.kind,
    retryAfterMs: error.retryAfterMs,
    request: error.request,
    retriedByClient: error.retriedByClient,
  });
}

