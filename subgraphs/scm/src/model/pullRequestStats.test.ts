import { pullRequestStats } from './pullRequestStats';

const pr = (created: string, merged: string) => ({ createdAt: `${created}T00:00:00Z`, mergedAt: `${merged}T00:00:00Z` });

describe('pullRequestStats', () => {
  it('counts merges since the date and takes the median time to merge in hours', () => {
    const stats = pullRequestStats(
      { openCount: 4, mergedTotal: 3, merged: [pr('2025-05-01', '2025-05-02'), pr('2025-05-01', '2025-05-04'), pr('2025-01-01', '2025-01-02')] },
      new Date('2025-04-01T00:00:00Z'),
    );
    expect(stats).toEqual({ since: '2025-04-01T00:00:00.000Z', mergedCount: 2, medianHoursToMerge: 48, openCount: 4, complete: true });
  });

  it('reports null median and zero count when nothing merged in range', () => {
    const stats = pullRequestStats({ openCount: 0, mergedTotal: 0, merged: [] }, new Date('2025-04-01T00:00:00Z'));
    expect(stats).toMatchObject({ mergedCount: 0, medianHoursToMerge: null, complete: true });
  });

  it('says the count is a lower bound when the window does not reach back to `since`', () => {
    const stats = pullRequestStats({ openCount: 0, mergedTotal: 500, merged: [pr('2025-05-01', '2025-05-02')] }, new Date('2025-04-01T00:00:00Z'));
    expect(stats.complete).toBe(false);
  });
});
