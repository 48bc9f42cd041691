import type { IncidentService, ServiceStatus } from '../../model/types';
import type { PdService } from './pagerDutyWire';
import { normaliseReference } from './normaliseReference';

const STATUS: Record<PdService['status'], ServiceStatus> = {
  active: 'ACTIVE',
  warning: 'WARNING',
  critical: 'CRITICAL',
  maintenance: 'MAINTENANCE',
  disabled: 'DISABLED',
};

export const normaliseService = (s: PdService): IncidentService => ({
  id: s.id,
  name: s.name,
  description: s.description ?? null,
  status: STATUS[s.status],
  escalationPolicy: s.escalation_policy ? normaliseReference(s.escalation_policy) : null,
  teams: (s.teams ?? []).map(normaliseReference),
  lastIncidentAt: s.last_incident_timestamp ?? null,
  url: s.html_url ?? null,
});
