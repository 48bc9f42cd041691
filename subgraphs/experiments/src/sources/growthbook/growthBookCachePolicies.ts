import type { CachePolicy } from '@devgraph/runtime';
import { GROWTHBOOK } from './growthBookPolicy';

/**
 * Bump whenever a model shape in model/types.ts (or `GrowthBookEntry`) changes, so replicas on the
 * old release and the new one never read each other's values from the shared Redis.
 * v2: entries are `GrowthBookEntry` (v1 stored bare values and never stored "not found").
 */
export const CACHE_VERSION = 2;
// The freshness marks (`stale`, `fetchedAt`) are added on read and never stored, so they did not bump it.

/** What one cache entry says: the value, or that GrowthBook answered "no such thing". */
export type GrowthBookEntry<T> = { found: true; value: T } | { found: false };

/** The kinds of GrowthBook data devgraph caches; each key starts with its kind. */
export type GrowthBookKind = 'experiments' | 'experiment' | 'results' | 'features';

export interface CacheTuning {
  /** Fresh time of experiment lists, single experiments and feature lists. */
  metadataTtlSeconds: number;
  /** Fresh time of results; longer, because GrowthBook recomputes them on a schedule (hours). */
  resultsTtlSeconds: number;
  /** How long past freshness anything may still be served when GrowthBook fails. */
  staleSeconds: number;
}

/**
 * One namespace for GrowthBook; two lifetimes. Everything but results follows edits people make
 * in GrowthBook's UI; results change only when GrowthBook's scheduled analysis runs.
 */
export function policyFor(kind: GrowthBookKind, tuning: CacheTuning): CachePolicy {
  const ttlSeconds = kind === 'results' ? tuning.resultsTtlSeconds : tuning.metadataTtlSeconds;
  return { namespace: GROWTHBOOK, version: CACHE_VERSION, ttlSeconds, staleSeconds: tuning.staleSeconds };
}

/** `experiments:prj_checkout`, `results:exp_1:0`: the cache key of one thing, under its kind. */
export const cacheKeyOf = (kind: GrowthBookKind, ...parts: (string | number)[]) => [kind, ...parts].join(':');
