import type { Request, RequestHandler, Response } from 'express';
import { ErrorCode, sendRejection, type Logger } from '@devgraph/runtime';
import { ANONYMOUS, type Identity } from '../../auth/Identity';
import type { RateLimitStore } from './RateLimitStore';

/** Options of {@link useRateLimit}. */
export interface RateLimitOptions {
  /** Requests per minute per caller (`RATE_LIMIT_PER_MINUTE`); the bucket holds this many. */
  perMinute: number;
  /** Where buckets live: `createRedisRateLimitStore` when replicas share Redis, else memory. */
  store: RateLimitStore;
  logger: Logger;
  /** The clock, injected for tests. @default Date.now */
  now?: () => number;
}

/**
 * Whose bucket a request takes from: an authenticated caller's own (`jwt:<sub>`,
 * `apikey:<name>`), whatever address it calls from; anonymous callers share nothing, so each
 * client address has its own. Behind a proxy, set Express's `trust proxy` for `req.ip` to be
 * the client's rather than the proxy's.
 */
export function rateLimitKey(req: Request, res: Response): string {
  const identity = (res.locals.identity as Identity | undefined) ?? ANONYMOUS;
  if (identity.kind === 'anonymous') return `anonymous:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
  return `${identity.kind}:${identity.subject}`;
}

/**
 * A token bucket per caller in front of `/graphql`: over the limit, HTTP 429 with `Retry-After`
 * (whole seconds) and `RATE_LIMITED`, before the body is read. Mount it after the middleware
 * that sets `res.locals.identity`. If the store fails (Redis down) the request is let through
 * and the failure logged: the limit protects the gateway, an outage of it must not become one.
 */
export function useRateLimit(options: RateLimitOptions): RequestHandler {
  const now = options.now ?? Date.now;
  return async (req, res, next) => {
    let decision;
    try {
      decision = await options.store.take(rateLimitKey(req, res), now());
    } catch (error) {
      options.logger.warn({ err: error }, 'rate limit store failed; letting the request through');
      next();
      return;
    }
    res.setHeader('RateLimit-Policy', `${options.perMinute};w=60`);
    if (decision.allowed) {
      next();
      return;
    }
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    sendRejection(res, {
      status: 429,
      code: ErrorCode.RateLimited,
      message: `Rate limit of ${options.perMinute} requests per minute reached; retry in ${seconds} s.`,
      headers: { 'retry-after': String(seconds) },
    });
  };
}
