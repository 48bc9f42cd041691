import { createHash } from 'node:crypto';

/** A repeatable pseudo-random source per name: the same demo data on every start and machine. */
export interface SeedRandom {
  /** In [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32 seeded from a hash of the name: tiny, fast and good enough for demo data. */
export function seedRandom(name: string): SeedRandom {
  let state = createHash('sha1').update(name).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** A stable 40-hex git object id for a name. */
export const objectId = (name: string) => createHash('sha1').update(name).digest('hex');
