import type { OnCallShift } from './types';

/** Lowest escalation level first (who is paged first), then by shift start and user, for a stable order. */
export function sortByEscalationLevel(shifts: readonly OnCallShift[]): OnCallShift[] {
  return [...shifts].sort(
    (a, b) => a.escalationLevel - b.escalationLevel || (a.start ?? '').localeCompare(b.start ?? '') || a.user.id.localeCompare(b.user.id),
  );
}
