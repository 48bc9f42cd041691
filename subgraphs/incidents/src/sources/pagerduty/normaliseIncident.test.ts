import { normaliseIncident } from './normaliseIncident';
import type { PdIncident } from './pagerDutyWire';

const ana = { id: 'PANA', type: 'user', summary: 'Ana Lopez', name: 'Ana Lopez', email: 'ana@fernhollow.com', html_url: 'https://x.pagerduty.com/users/PANA' };
const OPEN: PdIncident = {
  id: 'Q1',
  type: 'incident',
  incident_number: 1017,
  title: 'p99 latency over 2 s',
  created_at: '2025-03-01T09:30:00Z',
  status: 'acknowledged',
  urgency: 'high',
  html_url: 'https://x.pagerduty.com/incidents/Q1',
  service: { id: 'PSVC', type: 'service_reference' },
  escalation_policy: { id: 'PPOL', type: 'escalation_policy_reference' },
  assignments: [{ at: '2025-03-01T09:30:00Z', assignee: ana }],
  acknowledgements: [
    { at: '2025-03-01T09:41:00Z', acknowledger: { id: 'PBEN', type: 'user_reference' } },
    { at: '2025-03-01T09:35:00Z', acknowledger: { id: 'PANA', type: 'user_reference' } },
  ],
  resolved_at: '2025-03-01T10:00:00Z',
  priority: { id: 'PRIO1', type: 'priority', summary: 'P1' },
};

describe('normaliseIncident', () => {
  it('maps PagerDuty\'s wire incident to the tool-neutral model', () => {
    expect(normaliseIncident(OPEN)).toEqual({
      id: 'Q1',
      number: 1017,
      title: 'p99 latency over 2 s',
      status: 'ACKNOWLEDGED',
      urgency: 'HIGH',
      priority: 'P1',
      createdAt: '2025-03-01T09:30:00Z',
      acknowledgedAt: '2025-03-01T09:35:00Z', // the earliest acknowledgement, whatever the order listed
      resolvedAt: null, // PagerDuty's field means nothing until the incident is resolved
      url: 'https://x.pagerduty.com/incidents/Q1',
      assignees: [{ id: 'PANA', name: 'Ana Lopez', email: 'ana@fernhollow.com', url: 'https://x.pagerduty.com/users/PANA' }],
      serviceId: 'PSVC',
      escalationPolicyId: 'PPOL',
    });
  });

  it('reads a resolved incident, whose record PagerDuty has emptied, and bare references', () => {
    const resolved = normaliseIncident({
      ...OPEN,
      status: 'resolved',
      urgency: 'low',
      assignments: [],
      acknowledgements: [],
      priority: null,
      escalation_policy: undefined,
      html_url: undefined,
    });
    expect(resolved).toMatchObject({ status: 'RESOLVED', urgency: 'LOW', priority: null, acknowledgedAt: null, resolvedAt: '2025-03-01T10:00:00Z', url: null, assignees: [], escalationPolicyId: null });
    const byReference = normaliseIncident({ ...OPEN, assignments: [{ at: 'x', assignee: { id: 'PBEN', type: 'user_reference', summary: 'Ben Okafor' } }] });
    expect(byReference.assignees).toEqual([{ id: 'PBEN', name: 'Ben Okafor', email: null, url: null }]);
  });
});
