import { badUserInput } from '@devgraph/runtime';
import type { PullRequestState } from '../model/types';
import { normaliseStates, type RepoPart } from '../sources/github/githubKeys';

/** GitHub's connection limit per page. */
export const MAX_FIRST = 100;

function first(value: unknown, field: string, min: number): number {
  const n = typeof value === 'number' ? value : 10;
  if (!Number.isInteger(n) || n < min || n > MAX_FIRST) throw badUserInput(`${field}(first:) must be between ${min} and ${MAX_FIRST}, got ${n}.`, { first: n });
  return n;
}

/**
 * The upstream part a Repository field reads, from the field's arguments. Used twice with the
 * same arguments - to prefetch what an operation selects, and by the field's own resolver - so
 * both build the same key and the second finds the first in the request's loader.
 */
export function repoPartForField(field: string, args: Record<string, unknown>): RepoPart | undefined {
  switch (field) {
    case 'commits':
      return { kind: 'commits', first: first(args.first, 'commits', 1) };
    case 'pullRequests':
      return { kind: 'pullRequests', states: normaliseStates(args.states as PullRequestState[] | null | undefined), first: first(args.first, 'pullRequests', 0) };
    case 'releases':
      return { kind: 'releases', first: first(args.first, 'releases', 1) };
    case 'languages':
      return { kind: 'languages' };
    case 'latestRelease':
      return { kind: 'latestRelease' };
    case 'codeowners':
    case 'ownersOf':
      return { kind: 'codeowners' };
    case 'pullRequestStats':
      return { kind: 'pullRequestWindow' };
    default:
      return undefined; // plain fields come with the always-loaded `info` part
  }
}
