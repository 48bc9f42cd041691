/** A cached value with the times a caller needs to tell fresh from stale (epoch milliseconds). */
export interface CacheEntry<T = unknown> {
  value: T;
  storedAt: number;
  freshUntil: number;
}

export function createEntry<T>(value: T, now: number, ttlSeconds: number): CacheEntry<T> {
  return { value, storedAt: now, freshUntil: now + ttlSeconds * 1000 };
}

/** How long a backend keeps an entry: fresh time plus the stale-if-error window. */
export function retentionMs(ttlSeconds: number, staleSeconds = 0): number {
  return Math.round((ttlSeconds + staleSeconds) * 1000);
}

export function encodeEntry(entry: CacheEntry<unknown>): string {
  // JSON.stringify throws on cycles and BigInt; that is a caller bug and is left to surface.
  return JSON.stringify(entry);
}

/**
 * Returns undefined for anything that is not an entry this code wrote, so a corrupt or foreign
 * value under our key is a miss rather than a crash.
 */
export function decodeEntry<T>(text: string): CacheEntry<T> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const candidate = parsed as Partial<CacheEntry<T>>;
  if (typeof candidate.storedAt !== 'number' || typeof candidate.freshUntil !== 'number') return undefined;
  // `value` may be absent: JSON drops an undefined value, and undefined is what was stored.
  return { value: candidate.value as T, storedAt: candidate.storedAt, freshUntil: candidate.freshUntil };
}
