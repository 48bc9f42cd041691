/**
 * Numbers at least this large are read as epoch seconds (x-ratelimit-reset) rather than a delay:
 * 1e9 s is 2001-09-09 as a timestamp but 31 years as a delay, which no upstream means.
 */
const EPOCH_SECONDS_FROM = 1_000_000_000;

/**
 * How long an upstream asked us to wait, in ms, from any of the headers tools use for it:
 * - `Retry-After: 120` (delta-seconds),
 * - `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` (HTTP-date),
 * - `x-ratelimit-reset: 1700000000` (epoch seconds; GitHub, and others copying it).
 * A time already past gives 0; anything unreadable gives undefined (the caller then backs off
 * on its own schedule).
 */
export function parseRetryAfter(
  value: string | number | readonly string[] | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    if (seconds >= EPOCH_SECONDS_FROM) return Math.max(0, Math.ceil(seconds * 1000 - now));
    return Math.ceil(seconds * 1000);
  }
  // Date.parse accepts bare numbers and fragments ("5" is the year 2005): require a real date.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
