import type { IncidentFilter } from '../../model/incidentFilter';
import type { TimeWindow } from '../../model/types';
import type { PdQuery } from './pagerDutyWire';

/**
 * An instant as PagerDuty's documentation writes since/until (`2025-03-01T09:30:00Z`, whole
 * seconds unless the caller gave more), whatever form devgraph holds it in.
 */
export const pagerDutyTime = (instant: string) => new Date(instant).toISOString().replace(/\.000Z$/, 'Z');

/** since/until of a window, as the account-wide lists (`/log_entries`, `/change_events`) take them. */
export const windowQuery = (window: TimeWindow): PdQuery => ({ since: pagerDutyTime(window.since), until: pagerDutyTime(window.until) });

/** An incidents filter as `/incidents` query parameters (without `service_ids[]`); statuses and urgencies in PagerDuty's lower case. */
export function incidentsQuery(filter: IncidentFilter): PdQuery {
  return {
    ...(filter.statuses.length ? { 'statuses[]': filter.statuses.map((s) => s.toLowerCase()) } : {}),
    ...(filter.urgencies.length ? { 'urgencies[]': filter.urgencies.map((u) => u.toLowerCase()) } : {}),
    ...(filter.window ? windowQuery(filter.window) : { date_range: 'all' }),
    time_zone: 'UTC',
  };
}
