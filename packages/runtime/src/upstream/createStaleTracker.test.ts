import { createStaleTracker } from './createStaleTracker';

describe('createStaleTracker', () => {
  it('keeps each request\'s oldest stale serve to itself, and notes nothing outside a request', async () => {
    const tracker = createStaleTracker('pagerduty');
    tracker.note(1); // outside any request: dropped
    const [a, b] = await Promise.all([
      tracker.track(async () => {
        tracker.note(Date.parse('2026-01-02T00:00:00Z'));
        await new Promise((resolve) => setImmediate(resolve));
        tracker.note(Date.parse('2026-01-01T00:00:00Z'));
        return tracker.served();
      }),
      tracker.track(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return tracker.served();
      }),
    ]);
    expect(a).toEqual({ upstream: 'pagerduty', storedAt: '2026-01-01T00:00:00.000Z' });
    expect(b).toBeUndefined();
    expect(tracker.served()).toBeUndefined();
  });
});
