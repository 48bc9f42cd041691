import { badUserInput } from '@devgraph/runtime';
import type { IncidentStatus, IncidentUrgency, TimeWindow } from './types';

/**
 * One incidents question, minus the services: every field that changes the tool's answer.
 * Sources group questions by `filterKey`, so fields asking the same question share one call.
 */
export interface IncidentFilter {
  /** Sorted and distinct; empty means every status. */
  statuses: IncidentStatus[];
  /** Empty means every urgency. */
  urgencies: IncidentUrgency[];
  /** `null`: all time, only for open-incident questions without a window (see `incidentFilter`). */
  window: TimeWindow | null;
}

export const DEFAULT_WINDOW_DAYS = 30;
/** PagerDuty rejects incident windows longer than 6 months; devgraph keeps the rule for every tool. */
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

function parseInstant(value: string, argument: string): number {
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw badUserInput(`${argument} must be an ISO-8601 date-time such as 2025-03-01T00:00:00Z, got "${value}".`, { [argument]: value });
  return at;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A validated since/until pair: defaults filled in, order and the longest window checked. */
export function timeWindow(args: { since?: string | null; until?: string | null }, now: number, defaultDays: number): TimeWindow {
  const until = args.until ? parseInstant(args.until, 'until') : roundedNow(now);
  const since = args.since ? parseInstant(args.since, 'since') : until - defaultDays * DAY;
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

/** The filter for `Component.incidents` arguments. */
export function incidentFilter(
  args: { statuses?: readonly IncidentStatus[] | null; urgency?: IncidentUrgency | null; since?: string | null; until?: string | null },
  now: number,
): IncidentFilter {
  const statuses = [...new Set(args.statuses ?? [])].sort();
  const urgencies = args.urgency ? [args.urgency] : [];
  // Open incidents are "what is going on now": one opened seven weeks ago and never resolved
  // still counts, so without an explicit window they are searched across all time.
  const onlyOpen = statuses.length > 0 && !statuses.includes('RESOLVED');
  if (onlyOpen && !args.since && !args.until) return { statuses, urgencies, window: null };
  return { statuses, urgencies, window: timeWindow(args, now, DEFAULT_WINDOW_DAYS) };
}

export function filterKey(filter: IncidentFilter): string {
  const window = filter.window ? `${filter.window.since}..${filter.window.until}` : 'all';
  return `s=${filter.statuses.join(',')};u=${filter.urgencies.join(',')};w=${window}`;
}
