import CircuitBreaker from 'opossum';
import { UpstreamError } from '../errors';
import { asUpstreamError } from './asUpstreamError';
import { backoffDelay } from './backoffDelay';

/** One try at the upstream. It should pass `signal` to its HTTP client so a timeout frees the socket. */
export type UpstreamOperation<T> = (signal: AbortSignal) => Promise<T>;

export interface BreakerOptions {
  /** Failure percentage within the rolling window that opens the circuit. Default 50. */
  errorThresholdPercentage?: number;
  /** Calls needed in the window before the circuit may open at all. Default 5. */
  volumeThreshold?: number;
  /** How long an open circuit fails fast before letting one trial call through. Default 30 000. */
  resetTimeoutMs?: number;
  /** Length of the rolling statistics window. Default 10 000. */
  rollingWindowMs?: number;
  /**
   * Failures in a row that open the circuit whatever the window says. Queries that arrive one at
   * a time against a hanging tool never put `volumeThreshold` calls in one window, so without
   * this the circuit would never open on timeouts. Default 5.
   */
  consecutiveFailures?: number;
}

export interface UpstreamCallerOptions {
  /** Tool name as it appears in errors and `extensions.upstream` (`github`, `pagerduty`, ...). */
  upstream: string;
  /** Per attempt, not per call. */
  timeoutMs: number;
  /** Retries after the first attempt; 0 means try once. */
  retries: number;
  baseDelayMs: number;
  /** Cap on any one wait, backoff or Retry-After; a longer Retry-After ends the call at once. */
  maxDelayMs: number;
  breaker?: BreakerOptions;
  /** In [0, 1); injectable for deterministic tests. Default `Math.random`. */
  random?: () => number;
  /** Injectable so tests do not really wait. Default a `setTimeout` promise. */
  sleep?: (ms: number) => Promise<void>;
  /** Hook for logs and metrics. Errors may carry a `cause`: log message/kind/status, not the cause. */
  onEvent?: (event: UpstreamEvent) => void;
}

/** `description` names the operation for humans (e.g. `repos batch`); never put secrets in it. */
export type UpstreamEvent =
  | { type: 'retry'; upstream: string; description?: string; attempt: number; delayMs: number; error: UpstreamError }
  | { type: 'give-up'; upstream: string; description?: string; attempts: number; reason: 'retries-exhausted' | 'retry-after-too-long' | 'timeout'; error: UpstreamError }
  | { type: 'timeout'; upstream: string; description?: string; timeoutMs: number }
  | { type: 'circuit-reject'; upstream: string; description?: string }
  | { type: 'circuit-open' | 'circuit-half-open' | 'circuit-close'; upstream: string };

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface UpstreamCaller {
  /**
   * Runs `operation` with a timeout per attempt, bounded retries for retryable failures, and the
   * circuit breaker. A timeout is not retried (a tool that did not answer in `timeoutMs` is
   * hanging; asking again would cost the client the timeout again), so a hanging tool costs one
   * `timeoutMs`. Worst-case time: timeoutMs + retries * (timeoutMs + maxDelayMs).
   */
  call<T>(operation: UpstreamOperation<T>, description?: string): Promise<T>;
  /** For readiness and metrics. */
  state(): CircuitState;
  /** Stops the breaker's statistics timers. */
  close(): void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Only failures that say the upstream is in trouble may open the circuit; a 404 or 400 is an
 * answer. A rate limit is an answer too: the tool is healthy and said "later", so it keeps its
 * own code (UPSTREAM_RATE_LIMITED) instead of turning into "unavailable" once the circuit opens.
 */
const isBreakerFailure = (error: unknown) =>
  error instanceof UpstreamError && error.retryable && error.kind !== 'rate-limited' && error.status !== 429;

export function createUpstreamCaller(options: UpstreamCallerOptions): UpstreamCaller {
  const { upstream, timeoutMs, retries, baseDelayMs, maxDelayMs } = options;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  const emit = (event: UpstreamEvent) => options.onEvent?.(event);
  const resetTimeoutMs = options.breaker?.resetTimeoutMs ?? 30_000;

  async function attempt(operation: UpstreamOperation<unknown>, description?: string): Promise<unknown> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Raced rather than trusted to the signal, so an operation that ignores it still cannot hang us.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new UpstreamError({
          upstream,
          kind: 'timeout',
          message: `${description ?? 'call'} got no answer within ${timeoutMs} ms`,
        });
        emit({ type: 'timeout', upstream, description, timeoutMs });
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([(async () => operation(controller.signal))(), timedOut]);
    } catch (error) {
      // An operation that honours the signal rejects with its own AbortError; report our reason.
      if (controller.signal.aborted) throw controller.signal.reason;
      throw asUpstreamError(error, upstream);
    } finally {
      clearTimeout(timer);
    }
  }

  const breaker = new CircuitBreaker<[UpstreamOperation<unknown>, string | undefined], unknown>(attempt, {
    name: upstream,
    // Our own per-attempt timeout aborts the request; opossum's would only stop waiting for it.
    timeout: false,
    resetTimeout: resetTimeoutMs,
    errorThresholdPercentage: options.breaker?.errorThresholdPercentage ?? 50,
    volumeThreshold: options.breaker?.volumeThreshold ?? 5,
    rollingCountTimeout: options.breaker?.rollingWindowMs ?? 10_000,
    // opossum counts a filtered error as a success: the upstream answered, just not with data.
    errorFilter: (error: unknown) => !isBreakerFailure(error),
  });
  breaker.on('open', () => emit({ type: 'circuit-open', upstream }));
  breaker.on('halfOpen', () => emit({ type: 'circuit-half-open', upstream }));
  breaker.on('close', () => emit({ type: 'circuit-close', upstream }));

  const consecutiveLimit = options.breaker?.consecutiveFailures ?? 5;
  let consecutive = 0;

  async function fire(operation: UpstreamOperation<unknown>, description?: string): Promise<unknown> {
    try {
      const value = await breaker.fire(operation, description);
      consecutive = 0;
      return value;
    } catch (error) {
      if (isBreakerFailure(error)) {
        consecutive += 1;
        if (consecutive >= consecutiveLimit && !breaker.opened) breaker.open();
      } else if (!(error instanceof Error && CircuitBreaker.isOurError(error))) {
        consecutive = 0;
      }
      if (error instanceof Error && CircuitBreaker.isOurError(error)) {
        emit({ type: 'circuit-reject', upstream, description });
        throw new UpstreamError({
          upstream,
          kind: 'circuit-open',
          message: `${upstream} failed repeatedly; devgraph paused calls to it for up to ${Math.ceil(resetTimeoutMs / 1000)} s`,
          cause: error,
        });
      }
      throw error;
    }
  }

  /** The wait before the next attempt, or undefined when the upstream asked for longer than we allow. */
  function delayBefore(retry: number, error: UpstreamError): number | undefined {
    if (error.retryAfterMs !== undefined) return error.retryAfterMs <= maxDelayMs ? error.retryAfterMs : undefined;
    return backoffDelay(retry, { baseDelayMs, maxDelayMs }, random);
  }

  return {
    async call<T>(operation: UpstreamOperation<T>, description?: string): Promise<T> {
      for (let retry = 0; ; retry++) {
        try {
          // The breaker is typed over unknown; the value is whatever this operation resolved.
          return (await fire(operation, description)) as T;
        } catch (error) {
          if (!(error instanceof UpstreamError) || !error.retryable) throw error;
          const attempts = retry + 1;
          if (error.kind === 'timeout') {
            emit({ type: 'give-up', upstream, description, attempts, reason: 'timeout', error });
            throw error;
          }
          if (retry >= retries) {
            emit({ type: 'give-up', upstream, description, attempts, reason: 'retries-exhausted', error });
            throw error;
          }
          const delayMs = delayBefore(retry, error);
          if (delayMs === undefined) {
            // Waiting out a long rate limit would hold the client's request open; fail now and
            // let the caller serve stale data or a rate-limited field error.
            emit({ type: 'give-up', upstream, description, attempts, reason: 'retry-after-too-long', error });
            throw error;
          }
          emit({ type: 'retry', upstream, description, attempt: attempts, delayMs, error });
          await sleep(delayMs);
        }
      }
    },
    state() {
      if (breaker.opened) return 'open';
      return breaker.halfOpen ? 'half-open' : 'closed';
    },
    close() {
      breaker.shutdown();
    },
  };
}
