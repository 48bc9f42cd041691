import type { OnCallShift } from './types';
import { byStartThenLevel, upcomingWindow } from './upcomingShifts';
import { errorCodeOf } from '../../../../test/support/errorCodeOf';


describe('upcomingWindow', () => {
  const now = Date.UTC(2025, 5, 1, 12, 0, 30);

  it('runs from now, rounded up to the minute, to `days` ahead (7 by default)', () => {
    expect(upcomingWindow(undefined, now)).toEqual({ since: '2025-06-01T12:01:00.000Z', until: '2025-06-08T12:01:00.000Z' });
    expect(upcomingWindow(1, now).until).toBe('2025-06-02T12:01:00.000Z');
  });

  it('refuses a span PagerDuty would not answer', () => {
    for (const days of [0, -1, 91, 1.5]) expect(errorCodeOf(() => upcomingWindow(days, now))).toBe('BAD_USER_INPUT');
    expect(errorCodeOf(() => upcomingWindow(90, now))).toBeUndefined();
  });
});

describe('byStartThenLevel', () => {
  const shift = (start: string | null, escalationLevel: number) => ({ start, escalationLevel }) as OnCallShift;

  it('puts the current shift first, then upcoming ones; a permanent on-call (no start) before all', () => {
    const sorted = byStartThenLevel([shift('2025-06-09T09:00:00Z', 1), shift('2025-06-02T09:00:00Z', 2), shift('2025-06-02T09:00:00Z', 1), shift(null, 3)]);
    expect(sorted.map((s) => [s.start, s.escalationLevel])).toEqual([
      [null, 3],
      ['2025-06-02T09:00:00Z', 1],
      ['2025-06-02T09:00:00Z', 2],
      ['2025-06-09T09:00:00Z', 1],
    ]);
  });
});
