import { normaliseOnCallShift } from './normaliseOnCallShift';

const policy = { id: 'PPOL', type: 'escalation_policy_reference', summary: 'Checkout & Orders Escalation Policy', html_url: 'https://x.pagerduty.com/escalation_policies/PPOL' };

describe('normaliseOnCallShift', () => {
  it('keeps a permanent on-call (no start or end) and a level without a schedule', () => {
    const shift = normaliseOnCallShift({ escalation_policy: policy, escalation_level: 2, user: { id: 'PANA', type: 'user', name: 'Ana Lopez', email: 'ana@x' }, schedule: null, start: null, end: null });
    expect(shift).toEqual({ escalationLevel: 2, start: null, end: null, schedule: null, user: { id: 'PANA', name: 'Ana Lopez', email: 'ana@x', url: null }, escalationPolicy: expect.objectContaining({ id: 'PPOL' }) });
  });
});
