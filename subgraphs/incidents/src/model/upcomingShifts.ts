import { badUserInput } from '@devgraph/runtime';
import { roundedNow } from './incidentFilter';
import type { OnCallShift, TimeWindow } from './types';

const DAY = 86_400_000;
/** PagerDuty lists on-calls at most 90 days ahead. */
export const MAX_SHIFT_DAYS = 90;

/**
 * From now (rounded up to the minute, so one minute's questions share a cache key) to `days`
 * ahead: the window `User.onCallShifts` asks about. Outside 1..90 is BAD_USER_INPUT.
 */
export function upcomingWindow(days: number | null | undefined, now: number): TimeWindow {
  const span = days ?? 7;
  if (!Number.isInteger(span) || span < 1 || span > MAX_SHIFT_DAYS) {
    throw badUserInput(`days must be between 1 and ${MAX_SHIFT_DAYS} (PagerDuty lists on-calls at most ${MAX_SHIFT_DAYS} days ahead), got ${span}.`, { days: span });
  }
  const since = roundedNow(now);
  return { since: new Date(since).toISOString(), until: new Date(since + span * DAY).toISOString() };
}

const startOf = (shift: OnCallShift) => (shift.start ? Date.parse(shift.start) : -Infinity);

/** The current shift first, then the upcoming ones; one start time's shifts by escalation level. */
export const byStartThenLevel = (shifts: readonly OnCallShift[]): OnCallShift[] =>
  [...shifts].sort((a, b) => startOf(a) - startOf(b) || a.escalationLevel - b.escalationLevel);
