/**
 * A seeded pseudo-random source (mulberry32), so the synthetic catalog is the same on every run
 * and every machine, and the samplers the generator needs on top of it.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn with probability proportional to its weight; `weights` as built by `cumulative`. */
  weighted<T>(items: readonly T[], cumulativeWeights: Float64Array): T;
  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted: (items, cumulativeWeights) => items[searchCumulative(cumulativeWeights, next())] as (typeof items)[number],
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
  };
}

/** Running sums of `weights`, normalised to end at 1, for `Random.weighted`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (sums[i] = total += w));
  for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] as number) / total;
  return sums;
}

/** Zipf weights 1/rank^s for `count` ranks: a few items take a large share (hubs), most take little. */
export function zipfWeights(count: number, s: number): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / Math.pow(rank + 1, s));
}

function searchCumulative(sums: Float64Array, u: number): number {
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sums[mid] as number) > u) high = mid;
    else low = mid + 1;
  }
  return low;
}
