import type { CachePolicy } from '@devgraph/runtime';

/**
 * What devgraph keeps of PagerDuty, and for how long. Bump `version` when a cached value's shape
 * changes. `staleSeconds` is how long a value may still be served while PagerDuty is failing or
 * rate limiting us (stale-if-error): an hour-old on-call list beats no on-call list.
 */
export interface PagerDutyTtls {
  /** Incident lists, single incidents, acknowledgement log entries, change events: they change fast. */
  incidentsSeconds: number;
  /** On-call shifts: change at hand-offs. */
  onCallSeconds: number;
}

export function pagerDutyCachePolicies(ttls: PagerDutyTtls) {
  const policy = (kind: string, ttlSeconds: number, staleSeconds: number): CachePolicy => ({
    namespace: `pagerduty:${kind}`,
    version: 1,
    ttlSeconds,
    staleSeconds,
  });
  return {
    incidents: policy('incidents', ttls.incidentsSeconds, 600),
    incident: policy('incident', ttls.incidentsSeconds, 600),
    acknowledgements: policy('acks', ttls.incidentsSeconds, 600),
    changeEvents: policy('change-events', ttls.incidentsSeconds, 600),
    onCall: policy('oncalls', ttls.onCallSeconds, 3_600),
    /** Services and users are configuration: they change rarely, and a 404 is cached as null. */
    services: policy('services', 300, 3_600),
    users: policy('users', 3_600, 86_400),
  };
}

export type PagerDutyCachePolicies = ReturnType<typeof pagerDutyCachePolicies>;
