import { normaliseService } from './normaliseService';

const policy = { id: 'PPOL', type: 'escalation_policy_reference', summary: 'Checkout & Orders Escalation Policy', html_url: 'https://x.pagerduty.com/escalation_policies/PPOL' };

describe('normaliseService', () => {
  it('upper-cases the status and names references by their summary when PagerDuty sent no name', () => {
    expect(
      normaliseService({
        id: 'PSVC',
        type: 'service',
        name: 'Checkout Service',
        status: 'critical',
        escalation_policy: policy,
        teams: [{ id: 'PTEAM', type: 'team_reference', summary: 'Checkout & Orders' }],
        last_incident_timestamp: '2025-03-01T09:30:00Z',
      }),
    ).toEqual({
      id: 'PSVC',
      name: 'Checkout Service',
      description: null,
      status: 'CRITICAL',
      escalationPolicy: { id: 'PPOL', name: 'Checkout & Orders Escalation Policy', url: 'https://x.pagerduty.com/escalation_policies/PPOL' },
      teams: [{ id: 'PTEAM', name: 'Checkout & Orders', url: null }],
      lastIncidentAt: '2025-03-01T09:30:00Z',
      url: null,
    });
  });
});
