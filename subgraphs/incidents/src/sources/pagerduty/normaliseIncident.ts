import type { Incident, IncidentStatus, IncidentUrgency } from '../../model/types';
import type { PdIncident } from './pagerDutyWire';
import { normaliseUser } from './normaliseUser';

const STATUS: Record<PdIncident['status'], IncidentStatus> = { triggered: 'TRIGGERED', acknowledged: 'ACKNOWLEDGED', resolved: 'RESOLVED' };
const URGENCY: Record<PdIncident['urgency'], IncidentUrgency> = { high: 'HIGH', low: 'LOW' };

const earliest = (times: string[]) => (times.length ? times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null);

/**
 * A PagerDuty incident (read with `include[]=assignees`). PagerDuty lists acknowledgements and
 * assignments only while an incident is open, so a resolved one has neither: its first
 * acknowledgement comes from the log entries (see createPagerDutySource), and its `resolvedAt`
 * only counts once it is resolved.
 */
export const normaliseIncident = (i: PdIncident): Incident => ({
  id: i.id,
  number: i.incident_number,
  title: i.title,
  status: STATUS[i.status],
  urgency: URGENCY[i.urgency],
  priority: i.priority?.name ?? i.priority?.summary ?? null,
  createdAt: i.created_at,
  acknowledgedAt: earliest((i.acknowledgements ?? []).map((a) => a.at)),
  resolvedAt: i.status === 'resolved' ? (i.resolved_at ?? null) : null,
  url: i.html_url ?? null,
  assignees: (i.assignments ?? []).map((a) => normaliseUser(a.assignee)),
  serviceId: i.service.id,
  escalationPolicyId: i.escalation_policy?.id ?? null,
});
