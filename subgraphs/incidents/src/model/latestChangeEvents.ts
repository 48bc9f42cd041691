import type { ChangeEvent } from './types';

/** The schema's default, and the most one field returns (a window of a busy account's deploys). */
const DEFAULT_COUNT = 50;
const MAX_COUNT = 500;

/** The newest `first` change events. `first` is clamped to 0..500, as the field has always done. */
export function latestChangeEvents(events: readonly ChangeEvent[], first: number | null | undefined): ChangeEvent[] {
  const count = Math.max(0, Math.min(first ?? DEFAULT_COUNT, MAX_COUNT));
  return [...events].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp)).slice(0, count);
}
