import type { CachePolicy } from '@devgraph/runtime';
import { PAGERDUTY } from './pagerDutyPolicy';

/**
 * Bump whenever a cached shape changes (the model types in model/types.ts, or the lists and maps
 * below), so replicas on the old release and the new one never read each other's values from the
 * shared Redis. v2: values are normalised model objects (v1 stored PagerDuty's wire objects).
 */
export const CACHE_VERSION = 2;

/**
 * What devgraph keeps of PagerDuty, and for how long. `staleSeconds` is how long a value may still
 * be served while PagerDuty is failing or rate limiting us (stale-if-error): an hour-old on-call
 * list beats no on-call list.
 */
export interface PagerDutyTtls {
  /** Incident lists, single incidents, acknowledgement log entries, change events: they change fast. */
  incidentsSeconds: number;
  /** On-call shifts: change at hand-offs. */
  onCallSeconds: number;
}

export function pagerDutyCachePolicies(ttls: PagerDutyTtls) {
  const policy = (kind: string, ttlSeconds: number, staleSeconds: number): CachePolicy => ({
    namespace: `${PAGERDUTY}:${kind}`,
    version: CACHE_VERSION,
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
    /** The account's whole service list (`GET /services`), one entry: services are read from it by id. */
    serviceList: policy('service-list', 300, 3_600),
    users: policy('users', 3_600, 86_400),
  };
}

export type PagerDutyCachePolicies = ReturnType<typeof pagerDutyCachePolicies>;
