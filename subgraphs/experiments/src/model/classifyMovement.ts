import type { MetricDirection, StatsEngine } from './types';

/** Two-sided significance level for the frequentist engine: GrowthBook's default `pValueThreshold`. */
export const P_VALUE_THRESHOLD = 0.05;
/** Bayesian decision bound: GrowthBook's default "chance to win" threshold (and 1 - it for losing). */
export const CHANCE_TO_WIN_THRESHOLD = 0.95;

export interface Movement {
  significant: boolean;
  direction: MetricDirection | null;
}

/**
 * Did a treatment variant move the metric, and which way? Uses the same defaults GrowthBook's UI
 * uses, so devgraph and GrowthBook agree on what is "significant":
 * - frequentist: p < 0.05 (direction from the sign of the change);
 * - bayesian: chance to beat control > 0.95 (up) or < 0.05 (down).
 * `direction` is set only for significant moves: a dashboard should not show noise as a trend.
 */
export function classifyMovement(
  engine: StatsEngine,
  stats: { percentChange: number | null; pValue: number | null; chanceToBeatControl: number | null },
): Movement {
  if (engine === 'FREQUENTIST') {
    if (stats.pValue === null || stats.percentChange === null || stats.percentChange === 0) return { significant: false, direction: null };
    const significant = stats.pValue < P_VALUE_THRESHOLD;
    return { significant, direction: significant ? (stats.percentChange > 0 ? 'UP' : 'DOWN') : null };
  }
  const chance = stats.chanceToBeatControl;
  if (chance === null) return { significant: false, direction: null };
  if (chance > CHANCE_TO_WIN_THRESHOLD) return { significant: true, direction: 'UP' };
  if (chance < 1 - CHANCE_TO_WIN_THRESHOLD) return { significant: true, direction: 'DOWN' };
  return { significant: false, direction: null };
}
