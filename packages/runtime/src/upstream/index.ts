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
export { createUpstream, type Upstream, type UpstreamOptions } from './createUpstream';
export { createStaleTracker, type StaleTracker, type StaleServe } from './createStaleTracker';
export { createStaleBudget, type StaleBudget, type StaleBudgetOptions } from './createStaleBudget';
export { bearerAuth, pagerDutyTokenAuth, noAuth, missingCredential, type UpstreamAuth } from './upstreamAuth';
export {
  DEFAULT_UPSTREAM_POLICY,
  upstreamPolicy,
  upstreamPolicyFields,
  readUpstreamPolicy,
  type UpstreamPolicy,
  type UpstreamPolicyShape,
} from './upstreamPolicy';
export { upstreamOutcome, type UpstreamOutcome } from './upstreamOutcome';
export { logUpstreamEvent } from './logUpstreamEvent';
