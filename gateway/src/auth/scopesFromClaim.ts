import { TOOL_SCOPES, type ToolScope } from './Identity';

/**
 * The tools a token may read, from its scopes claim: a space-separated string (OAuth's `scope`
 * style) or an array. Absent: all tools. Values that are not tool names (`openid`, `profile`)
 * are ignored, so a present claim naming no tool grants none.
 */
export function scopesFromClaim(claim: unknown): Set<ToolScope> {
  if (claim === undefined || claim === null) return new Set(TOOL_SCOPES);
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/\s+/) : [];
  return new Set(TOOL_SCOPES.filter((tool) => values.includes(tool)));
}
