import { z } from 'zod';

/**
 * How devgraph treats one upstream tool: time per attempt, retries, backoff and the circuit
 * breaker. Every upstream (GitHub, PagerDuty, GrowthBook, Backstage) starts from the same
 * defaults, written here once; a tool differs only where its own documentation says so, and
 * an operator overrides any of them with `<TOOL>_TIMEOUT_MS`, `<TOOL>_RETRIES`, ... (see
 * `upstreamPolicyFields`).
 */
export interface UpstreamPolicy {
  /** Per attempt, not per call. */
  timeoutMs: number;
  /** Retries after the first attempt; 0 means try once. */
  retries: number;
  /** Full-jitter backoff: attempt n waits up to baseDelayMs * 2^n. */
  baseDelayMs: number;
  /** Cap on any one wait, backoff or Retry-After; a longer Retry-After ends the call at once. */
  maxDelayMs: number;
  /**
   * With a cached value past its freshness, how long a refresh may take before the stale value is
   * served (marked stale); the refresh goes on in the background and its result lands in the
   * cache. A slow tool then costs a dashboard this, not `timeoutMs`. Without a cached value the
   * caller waits for the call (at most `timeoutMs` for a hang: timeouts are not retried).
   */
  staleAfterMs: number;
  breaker: {
    /** Failure percentage within the rolling window that opens the circuit. */
    errorThresholdPercentage: number;
    /** Calls needed in the window before the circuit may open at all. */
    volumeThreshold: number;
    /** How long an open circuit fails fast before letting one trial call through. */
    resetTimeoutMs: number;
    rollingWindowMs: number;
    /** Failures in a row (timeouts included) that open the circuit, however slowly they arrive. */
    consecutiveFailures: number;
  };
}

export const DEFAULT_UPSTREAM_POLICY: UpstreamPolicy = {
  timeoutMs: 10_000,
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  staleAfterMs: 1_000,
  breaker: { errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 30_000, rollingWindowMs: 10_000, consecutiveFailures: 5 },
};

/** The policy fields an operator may set, and the suffix of each variable's name. */
const FIELDS = {
  TIMEOUT_MS: { min: 1, max: 300_000, what: 'milliseconds one attempt may take', get: (p: UpstreamPolicy) => p.timeoutMs },
  RETRIES: { min: 0, max: 10, what: 'retries after a 429, 5xx, timeout or network failure', get: (p: UpstreamPolicy) => p.retries },
  RETRY_BASE_DELAY_MS: { min: 0, max: 60_000, what: 'milliseconds of the first backoff (doubled per retry, full jitter)', get: (p: UpstreamPolicy) => p.baseDelayMs },
  RETRY_MAX_DELAY_MS: { min: 0, max: 300_000, what: 'milliseconds any one wait may last; a longer Retry-After fails the call at once', get: (p: UpstreamPolicy) => p.maxDelayMs },
  STALE_AFTER_MS: { min: 0, max: 300_000, what: 'milliseconds a refresh may take before cached data past its freshness is served (marked stale) while the refresh goes on', get: (p: UpstreamPolicy) => p.staleAfterMs },
  BREAKER_RESET_MS: { min: 100, max: 3_600_000, what: 'milliseconds an open circuit fails fast before trying the tool again', get: (p: UpstreamPolicy) => p.breaker.resetTimeoutMs },
} as const;
type FieldSuffix = keyof typeof FIELDS;

export type UpstreamPolicyShape<P extends string> = { [S in FieldSuffix as `${P}_${S}`]: z.ZodDefault<z.ZodCoercedNumber> };

/**
 * The environment variables of one upstream's policy, to spread into a package's config schema:
 * `...upstreamPolicyFields('GITHUB', tool)` gives `GITHUB_TIMEOUT_MS`, `GITHUB_RETRIES`,
 * `GITHUB_RETRY_BASE_DELAY_MS`, `GITHUB_RETRY_MAX_DELAY_MS`, `GITHUB_STALE_AFTER_MS` and
 * `GITHUB_BREAKER_RESET_MS`.
 */
export function upstreamPolicyFields<P extends string>(prefix: P, defaults: UpstreamPolicy = DEFAULT_UPSTREAM_POLICY): UpstreamPolicyShape<P> {
  const shape: Record<string, z.ZodType> = {};
  for (const [suffix, field] of Object.entries(FIELDS)) {
    const fallback = field.get(defaults);
    shape[`${prefix}_${suffix}`] = z.coerce
      .number()
      .int()
      .min(field.min)
      .max(field.max)
      .default(fallback)
      .describe(`a whole number of ${field.what}, ${field.min}..${field.max} (default ${fallback})`);
  }
  return shape as UpstreamPolicyShape<P>;
}

/** The policy an operator configured: the parsed values of `upstreamPolicyFields(prefix)`. */
export function readUpstreamPolicy<P extends string>(
  prefix: P,
  values: { [S in FieldSuffix as `${P}_${S}`]: number },
  defaults: UpstreamPolicy = DEFAULT_UPSTREAM_POLICY,
): UpstreamPolicy {
  const v = values as Record<string, number>;
  return {
    timeoutMs: v[`${prefix}_TIMEOUT_MS`]!,
    retries: v[`${prefix}_RETRIES`]!,
    baseDelayMs: v[`${prefix}_RETRY_BASE_DELAY_MS`]!,
    maxDelayMs: v[`${prefix}_RETRY_MAX_DELAY_MS`]!,
    staleAfterMs: v[`${prefix}_STALE_AFTER_MS`]!,
    breaker: { ...defaults.breaker, resetTimeoutMs: v[`${prefix}_BREAKER_RESET_MS`]! },
  };
}

/** A tool's policy: the shared defaults with what differs for that tool (and why, at the call site). */
export const upstreamPolicy = (overrides: Partial<Omit<UpstreamPolicy, 'breaker'>> & { breaker?: Partial<UpstreamPolicy['breaker']> } = {}): UpstreamPolicy => ({
  ...DEFAULT_UPSTREAM_POLICY,
  ...overrides,
  breaker: { ...DEFAULT_UPSTREAM_POLICY.breaker, ...overrides.breaker },
});
