import { incidentsQuery, pagerDutyTime } from './pagerDutyQuery';

describe('incidentsQuery', () => {
  it('asks in PagerDuty\'s words: lower-case statuses, since/until in its documented form', () => {
    expect(incidentsQuery({ statuses: ['RESOLVED'], urgencies: ['HIGH'], window: { since: '2025-02-01T00:00:00.000Z', until: '2025-03-01T09:31:00.000Z' } })).toEqual({
      'statuses[]': ['resolved'],
      'urgencies[]': ['high'],
      since: '2025-02-01T00:00:00Z',
      until: '2025-03-01T09:31:00Z',
      time_zone: 'UTC',
    });
    expect(incidentsQuery({ statuses: ['TRIGGERED'], urgencies: [], window: null })).toEqual({ 'statuses[]': ['triggered'], date_range: 'all', time_zone: 'UTC' });
    expect(pagerDutyTime('2025-02-01T01:00:00.250+01:00')).toBe('2025-02-01T00:00:00.250Z');
  });
});
