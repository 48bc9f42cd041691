import { filterKey, incidentFilter, timeWindow } from './incidentFilter';
import { errorCodeOf } from '../../../../test/support/errorCodeOf';

const NOW = Date.parse('2025-03-01T09:30:20Z');

describe('incidentFilter', () => {
  it('defaults to the last 30 days up to now rounded up to the minute, so the key is stable for a minute', () => {
    const filter = incidentFilter({}, NOW);
    expect(filter).toEqual({ statuses: [], urgencies: [], window: { since: '2025-01-30T09:31:00.000Z', until: '2025-03-01T09:31:00.000Z' } });
    expect(filterKey(incidentFilter({}, NOW + 30_000))).toBe(filterKey(filter));
  });

  it('searches open incidents across all time unless a window is given', () => {
    expect(incidentFilter({ statuses: ['TRIGGERED', 'ACKNOWLEDGED', 'TRIGGERED'] }, NOW)).toEqual({ statuses: ['ACKNOWLEDGED', 'TRIGGERED'], urgencies: [], window: null });
    expect(incidentFilter({ statuses: ['TRIGGERED'], since: '2025-02-01T00:00:00Z' }, NOW).window).toEqual({ since: '2025-02-01T00:00:00.000Z', until: '2025-03-01T09:31:00.000Z' });
    expect(incidentFilter({ statuses: ['RESOLVED'] }, NOW).window).not.toBeNull();
  });

  it('gives the same key to the same question however it was spelled', () => {
    const a = incidentFilter({ statuses: ['RESOLVED', 'TRIGGERED'], urgency: 'HIGH', since: '2025-02-01T01:00:00+01:00' }, NOW);
    const b = incidentFilter({ statuses: ['TRIGGERED', 'RESOLVED'], urgency: 'HIGH', since: '2025-02-01T00:00:00.000Z' }, NOW);
    expect(filterKey(a)).toBe(filterKey(b));
  });
});

describe('timeWindow', () => {
  it('rejects a window in the wrong order or longer than six months, as BAD_USER_INPUT', () => {
    expect(errorCodeOf(() => timeWindow({ since: '2025-03-01T00:00:00Z', until: '2025-02-01T00:00:00Z' }, NOW, 30))).toBe('BAD_USER_INPUT');
    expect(() => timeWindow({ since: '2024-01-01T00:00:00Z' }, NOW, 30)).toThrow(/at most 6 months/);
    expect(timeWindow({ since: '2024-09-01T09:31:00Z' }, NOW, 30).since).toBe('2024-09-01T09:31:00.000Z');
  });
});
