import chi2gof from '@stdlib/stats-chi2gof';
import type { SampleRatioCheckModel } from './types';

/**
 * Below this p-value the split is called a mismatch. 0.001 is GrowthBook's default
 * (`srmThreshold`): SRM is checked on every experiment, all the time, so a strict threshold
 * keeps false alarms rare while a real assignment bug (millions of users) still shows at once.
 */
export const SRM_THRESHOLD = 0.001;

export interface SrmInput {
  /** Variants in order, with the users observed and the configured weight from the phase. */
  variants: { variantId: string; users: number; weight: number }[];
  /** The tool's own SRM p-value, reported alongside ours. */
  upstreamPValue: number | null;
}

/**
 * devgraph's own sample-ratio-mismatch check: a chi-square goodness-of-fit test of the observed
 * users per variant against the configured traffic split (k - 1 degrees of freedom), computed by
 * @stdlib/stats-chi2gof. Weights are normalised first (GrowthBook's may not sum to exactly 1),
 * and expected counts are passed rather than probabilities so rounding never trips the library's
 * "probabilities must sum to one" check. Returns `null` statistics when there is nothing to test.
 */
export function sampleRatioMismatch(input: SrmInput): SampleRatioCheckModel {
  const totalWeight = input.variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  const observed = input.variants.map((v) => Math.max(0, Math.round(v.users)));
  const totalUsers = observed.reduce((a, b) => a + b, 0);
  const variants = input.variants.map((v, i) => {
    const expectedShare = totalWeight > 0 ? Math.max(0, v.weight) / totalWeight : 0;
    return { variantId: v.variantId, observedUsers: observed[i]!, expectedShare, expectedUsers: expectedShare * totalUsers };
  });
  const empty = { growthbookPValue: input.upstreamPValue, pValue: null, chiSquare: null, degreesOfFreedom: null, threshold: SRM_THRESHOLD, healthy: null, variants };
  // A variant configured at weight 0 that still got users is a mismatch chi-square cannot
  // express (division by zero); one variant, or no users, is nothing to test.
  if (variants.length < 2 || totalUsers === 0 || totalWeight <= 0) return empty;
  if (variants.some((v) => v.expectedShare === 0 && v.observedUsers > 0)) {
    return { ...empty, pValue: 0, healthy: false };
  }
  const tested = variants.filter((v) => v.expectedShare > 0);
  const result = chi2gof(
    tested.map((v) => v.observedUsers),
    tested.map((v) => v.expectedUsers),
  );
  return {
    ...empty,
    pValue: result.pValue,
    chiSquare: result.statistic,
    degreesOfFreedom: result.df ?? tested.length - 1,
    healthy: result.pValue >= SRM_THRESHOLD,
  };
}
