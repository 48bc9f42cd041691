import type { OnCallShift, Responder } from './types';

/**
 * The lowest level at which one of the incident's assignees is on call for its escalation
 * policy: how far the incident has escalated. `null` when no assignee is on call there (someone
 * reassigned it by hand, or the shifts changed since).
 */
export function escalationLevelOf(assignees: readonly Responder[], policyShifts: readonly OnCallShift[]): number | null {
  const ids = new Set(assignees.map((a) => a.id));
  const levels = policyShifts.filter((s) => ids.has(s.user.id)).map((s) => s.escalationLevel);
  return levels.length ? Math.min(...levels) : null;
}
