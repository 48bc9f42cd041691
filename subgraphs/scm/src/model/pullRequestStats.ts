import type { PullRequestStatsModel, PullRequestWindow } from './types';

/** The default window: what a service dashboard means by "lately". */
export const DEFAULT_STATS_DAYS = 30;

/**
 * Merge figures from the window of recently updated merged pull requests devgraph already
 * fetched, so asking for stats costs no extra GitHub call. The window is ordered by update time,
 * so a pull request merged long ago but commented on yesterday is in it: it is filtered by
 * `mergedAt`. `complete` is false when GitHub has more merged pull requests than the window and
 * the oldest merge in it is still inside the range (older ones might be too).
 */
export function pullRequestStats(window: PullRequestWindow, since: Date): PullRequestStatsModel {
  const from = since.getTime();
  const hours = window.merged
    .filter((pr) => Date.parse(pr.mergedAt) >= from)
    .map((pr) => (Date.parse(pr.mergedAt) - Date.parse(pr.createdAt)) / 3_600_000)
    .sort((a, b) => a - b);
  const oldestMerge = Math.min(...window.merged.map((pr) => Date.parse(pr.mergedAt)));
  const complete = window.merged.length >= window.mergedTotal || oldestMerge < from;
  return {
    since: since.toISOString(),
    mergedCount: hours.length,
    medianHoursToMerge: median(hours),
    openCount: window.openCount,
    complete,
  };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 100) / 100;
}
