import type { Logger } from '../createLogger';
import type { UpstreamEvent } from './createUpstreamCaller';

/**
 * The one log policy for upstream trouble, whatever the tool. A retry that then succeeds is
 * routine (debug); a call that gave up or a circuit that opened is what an operator acts on
 * (warn). Errors are logged as kind/status/message only: an error's `cause` may hold the
 * request, which stays out of logs.
 */
export function logUpstreamEvent(logger: Logger, event: UpstreamEvent, redact: (text: string) => string): void {
  const error = 'error' in event ? { kind: event.error.kind, status: event.error.status, message: redact(event.error.message) } : undefined;
  const fields = {
    upstream: event.upstream,
    event: event.type,
    ...('description' in event && event.description ? { operation: event.description } : {}),
    ...('attempt' in event ? { attempt: event.attempt } : {}),
    ...('attempts' in event ? { attempts: event.attempts, reason: event.reason } : {}),
    ...('delayMs' in event ? { delayMs: event.delayMs } : {}),
    ...('timeoutMs' in event ? { timeoutMs: event.timeoutMs } : {}),
    ...(error ? { error } : {}),
  };
  const message = `${event.upstream} ${event.type}`;
  switch (event.type) {
    case 'give-up':
    case 'circuit-open':
      logger.warn(fields, message);
      break;
    case 'circuit-half-open':
    case 'circuit-close':
      logger.info(fields, message);
      break;
    default:
      logger.debug(fields, message);
  }
}
