import type { FeatureFlagModel } from './types';

/** GrowthBook's UI calls a flag stale after two weeks without a change. */
export const STALE_AFTER_DAYS = 14;

/**
 * A flag worth cleaning up: not archived, unchanged for STALE_AFTER_DAYS, and serving one value
 * everywhere (each environment disabled or without an enabled rule), so the code path behind it
 * is dead. GrowthBook's v1 API has no stale field; this follows the rule its UI applies.
 */
export function isFeatureStale(flag: FeatureFlagModel, now: number): boolean {
  if (flag.archived || !flag.updatedAt) return false;
  const updated = Date.parse(flag.updatedAt);
  if (Number.isNaN(updated) || now - updated < STALE_AFTER_DAYS * 86_400_000) return false;
  return flag.environments.every((env) => !env.enabled || env.enabledRuleCount === 0);
}
