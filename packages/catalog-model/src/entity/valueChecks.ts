/** Small type guards shared by the validators; messages name what was found so it can be fixed. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a list`, `a mapping`, `nothing (null)`, `the number 3`, `the string "x"`. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** Where validators report; the path points at the offending value, or its parent when missing. */
export interface Violations {
  add(path: (string | number)[], message: string): void;
}
