export {
  createUpstreamCaller,
  type UpstreamCaller,
  type UpstreamCallerOptions,
  type UpstreamOperation,
  type UpstreamEvent,
  type BreakerOptions,
  type CircuitState,
} from './createUpstreamCaller';
export { parseRetryAfter } from './parseRetryAfter';
export { redactUrl } from './redactUrl';
export { asUpstreamError } from './asUpstreamError';
export { backoffDelay, type BackoffOptions } from './backoffDelay';
