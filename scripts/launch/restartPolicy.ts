// node-retry's delay formula, not the runtime's backoffDelay: the runtime's entry point would
// load Apollo and Express into the launcher (half a second on every `npm start`), and its
// insides are not for other packages to import.
import { createTimeout } from 'retry';

export interface RestartPolicyOptions {
  /** Delay before the first restart; each further crash within the window doubles it. */
  baseDelayMs: number;
  /** Longest delay between a crash and its restart. */
  maxDelayMs: number;
  /** This many crashes within `windowMs` and the service is not restarted again. */
  maxCrashes: number;
  windowMs: number;
}

/** 0.5 s, 1 s, 2 s, 4 s, then give up at the 5th crash within a minute. */
export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { baseDelayMs: 500, maxDelayMs: 10_000, maxCrashes: 5, windowMs: 60_000 };

export type RestartDecision =
  | { restart: true; delayMs: number; crashesInWindow: number }
  | { restart: false; crashesInWindow: number };

export interface RestartPolicy {
  /** Record a crash now and say whether, and after how long, to start the service again. */
  onCrash(): RestartDecision;
}

/**
 * When to restart one service that died unexpectedly: exponential backoff counted over the
 * crashes of the last `windowMs`, so a service that crashes once a day restarts at once every
 * time while one that crashes on start is given up on in seconds instead of looping forever.
 */
export function createRestartPolicy(options: RestartPolicyOptions = DEFAULT_RESTART_POLICY, now: () => number = Date.now): RestartPolicy {
  let crashes: number[] = [];
  return {
    onCrash() {
      const at = now();
      crashes = [...crashes.filter((t) => t > at - options.windowMs), at];
      if (crashes.length >= options.maxCrashes) return { restart: false, crashesInWindow: crashes.length };
      // No jitter: one launcher restarts one process, there is no crowd of clients to spread
      // out, and a predictable delay reads better in the log.
      const delayMs = createTimeout(crashes.length - 1, { minTimeout: options.baseDelayMs, factor: 2, maxTimeout: options.maxDelayMs, randomize: false });
      return { restart: true, delayMs, crashesInWindow: crashes.length };
    },
  };
}
