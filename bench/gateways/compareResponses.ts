import type { GraphQLResponse } from '../../test/support/postGraphQL';
import type { Contender } from './startContenders';

export interface Comparison {
  same: boolean;
  /** One line per gateway that differs from the first, naming the first differing path. */
  differences: string[];
}

/**
 * Do all gateways return the same data for `query`? One uncached request each; `data` is
 * compared as JSON (field order included: every gateway must follow the selection set), and a
 * response with errors counts as different even when its data matches.
 */
export async function compareResponses(contenders: Contender[], query: string): Promise<Comparison> {
  const answers = await Promise.all(contenders.map(async (c) => ({ c, response: await fetchUncached(c.url, query) })));
  const [reference, ...others] = answers;
  const differences: string[] = [];
  for (const { c, response } of answers) {
    if (response.errors?.length) differences.push(`${c.label}: ${response.errors.length} error(s), first: ${response.errors[0]!.message}`);
  }
  for (const { c, response } of others) {
    const at = firstDifference(reference!.response.data, response.data, 'data');
    if (at) differences.push(`${c.label} differs from ${reference!.c.label} at ${at}`);
  }
  return { same: differences.length === 0, differences };
}

/** Like postGraphQL, plus `cache-control: no-cache`, which a gateway response cache must bypass. */
async function fetchUncached(url: string, query: string): Promise<Omit<GraphQLResponse, 'status'>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, body: JSON.stringify({ query }) });
  return (await response.json()) as Omit<GraphQLResponse, 'status'>;
}

/** The path of the first place two JSON values differ (keys in order), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${at} (${JSON.stringify(a)?.slice(0, 60)} vs ${JSON.stringify(b)?.slice(0, 60)})`;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join() !== keysB.join()) return `${at} (fields ${keysA.join(',').slice(0, 60)} vs ${keysB.join(',').slice(0, 60)})`;
  for (const key of keysA) {
    const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`);
    if (inner) return inner;
  }
  return undefined;
}
