/**
 * JSON with object keys sorted at every level, byte-for-byte what `json-stable-stringify` (the
 * serialiser Hive Gateway's HMAC signature uses) writes: no spaces, `toJSON` honoured, undefined
 * object members dropped, undefined array items and non-finite numbers as `null`. Both ends of a
 * signature serialise the parsed request this way, so key order on the wire does not matter.
 */
export function stableStringify(value: unknown): string | undefined {
  const node: unknown = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (node === undefined || typeof node === 'function' || typeof node === 'symbol') return undefined;
  if (typeof node === 'number') return Number.isFinite(node) ? String(node) : 'null';
  if (node === null || typeof node !== 'object') return JSON.stringify(node);
  if (Array.isArray(node)) return `[${node.map((item) => stableStringify(item) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(node).sort()) {
    const member = stableStringify((node as Record<string, unknown>)[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}
