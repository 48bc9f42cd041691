import { mergeStaleServes, staleServesIn } from './useStaleExtension';

describe('extensions.stale', () => {
  it('merges to one entry per tool, the oldest time, sorted by tool', () => {
    expect(
      mergeStaleServes([
        { upstream: 'pagerduty', storedAt: '2026-01-02T00:00:00.000Z' },
        { upstream: 'github', storedAt: '2026-01-03T00:00:00.000Z' },
        { upstream: 'pagerduty', storedAt: '2026-01-01T00:00:00.000Z' },
      ]),
    ).toEqual([
      { upstream: 'github', storedAt: '2026-01-03T00:00:00.000Z' },
      { upstream: 'pagerduty', storedAt: '2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('reads a subgraph answer\'s entries and ignores anything malformed', () => {
    expect(staleServesIn(undefined)).toEqual([]);
    expect(staleServesIn({ stale: 'yes' })).toEqual([]);
    expect(staleServesIn({ stale: [{ upstream: 'github', storedAt: '2026-01-01T00:00:00.000Z' }, { upstream: 1 }, { upstream: 'x', storedAt: 'soon' }, null] })).toEqual([
      { upstream: 'github', storedAt: '2026-01-01T00:00:00.000Z' },
    ]);
  });
});
