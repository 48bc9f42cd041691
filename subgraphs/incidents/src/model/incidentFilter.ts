import { badUserInput } from '@devgraph/runtime';

export type PdStatus = 'triggered' | 'acknowledged' | 'resolved';
export type PdUrgency = 'high' | 'low';

/**
 * One `/incidents` query, minus the services: every field that changes PagerDuty's answer.
 * Loaders group keys by `filterKey`, so fields asking the same question share one call.
 */
export interface IncidentFilter {
  statuses: PdStatus[];
  urgencies: PdUrgency[];
  /** ISO-8601 UTC; absent together with `until` when `dateRangeAll` is set. */
  since?: string;
  until?: string;
  /** `date_range=all`: only for open-incident queries without a window (see `incidentFilter`). */
  dateRangeAll: boolean;
}

export const DEFAULT_WINDOW_DAYS = 30;
/** PagerDuty rejects `/incidents` windows longer than 6 months. */
export const MAX_WINDOW_MONTHS = 6;
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * "now" rounded up to the next minute: a default `until` that stays the same for a minute keeps
 * cache keys (and the one-call-per-filter batching across fields) stable, and rounding up never
 * hides an incident created a few seconds ago.
 */
export function roundedNow(now: number): number {
  return Math.ceil(now / MINUTE) * MINUTE;
}

export function parseDateTime(value: string, argument: string): number {
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at)) {
    throw badUserInput(`${argument} must be an ISO-8601 date-time such as 2025-03-01T00:00:00Z, got "${value}".`, { [argument]: value });
  }
  return at;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A validated since/until pair: defaults filled in, order and PagerDuty's maximum range checked. */
export function timeWindow(args: { since?: string | null; until?: string | null }, now: number, defaultDays: number): { since: string; until: string } {
  const until = args.until ? parseDateTime(args.until, 'until') : roundedNow(now);
  const since = args.since ? parseDateTime(args.since, 'since') : until - defaultDays * DAY;
  if (since >= until) throw badUserInput(`since (${iso(since)}) must be before until (${iso(until)}).`, { since: iso(since), until: iso(until) });
  const earliest = new Date(until);
  earliest.setUTCMonth(earliest.getUTCMonth() - MAX_WINDOW_MONTHS);
  if (since < earliest.getTime()) {
    throw badUserInput(`PagerDuty searches at most ${MAX_WINDOW_MONTHS} months at a time; since must be on or after ${iso(earliest.getTime())} for until ${iso(until)}.`, {
      since: iso(since),
      until: iso(until),
    });
  }
  return { since: iso(since), until: iso(until) };
}

/** The filter for `Component.incidents` arguments (GraphQL enums are upper-case PagerDuty values). */
export function incidentFilter(
  args: { statuses?: readonly string[] | null; urgency?: string | null; since?: string | null; until?: string | null },
  now: number,
): IncidentFilter {
  const statuses = [...new Set((args.statuses ?? []).map((s) => s.toLowerCase() as PdStatus))].sort();
  const urgencies = args.urgency ? [args.urgency.toLowerCase() as PdUrgency] : [];
  // Open incidents are "what is going on now": one opened seven weeks ago and never resolved
  // still counts, so without an explicit window they are searched across all time.
  const onlyOpen = statuses.length > 0 && !statuses.includes('resolved');
  if (onlyOpen && !args.since && !args.until) return { statuses, urgencies, dateRangeAll: true };
  return { statuses, urgencies, dateRangeAll: false, ...timeWindow(args, now, DEFAULT_WINDOW_DAYS) };
}

export function filterKey(filter: IncidentFilter): string {
  const window = filter.dateRangeAll ? 'all' : `${filter.since}..${filter.until}`;
  return `s=${filter.statuses.join(',')};u=${filter.urgencies.join(',')};w=${window}`;
}

/** The filter as PagerDuty query parameters (without `service_ids[]`). */
export function filterQuery(filter: IncidentFilter): Record<string, string | string[]> {
  return {
    ...(filter.statuses.length ? { 'statuses[]': filter.statuses } : {}),
    ...(filter.urgencies.length ? { 'urgencies[]': filter.urgencies } : {}),
    ...(filter.dateRangeAll ? { date_range: 'all' } : { since: filter.since!, until: filter.until! }),
    time_zone: 'UTC',
  };
}
