import { checkPageSize } from '@devgraph/runtime';
import { normaliseStates, type RepositoryPart } from '../model/RepositoryPart';
import type { PullRequestState } from '../model/types';

/** The schema's default page, and GitHub's limit per connection. */
const DEFAULT_FIRST = 10;
const MAX_FIRST = 100;

const first = (value: unknown) => checkPageSize(typeof value === 'number' ? value : null, DEFAULT_FIRST, MAX_FIRST);

/**
 * The repository part a Repository field reads, from the field's arguments. Used twice with the
 * same arguments - to prefetch what an operation selects, and by the field's own resolver - so
 * both build the same key and the second finds the first in the request's batch.
 */
export function repoPartForField(field: string, args: Record<string, unknown>): RepositoryPart | undefined {
  switch (field) {
    case 'commits':
      return { kind: 'commits', first: first(args.first) };
    case 'pullRequests':
      return { kind: 'pullRequests', states: normaliseStates(args.states as PullRequestState[] | null | undefined), first: first(args.first) };
    case 'releases':
      return { kind: 'releases', first: first(args.first) };
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
