import type {
  CodeownersSource, CommitModel, LanguageModel, PullRequestPage, PullRequestState, PullRequestWindow, ReleaseModel, RepoInfo,
} from './types';

/**
 * One part of a repository that can be asked for on its own. A part is the unit of fetching and
 * of caching: an operation that selects only `nameWithOwner` never pays for commits or PRs.
 * Arguments are part of the part (`commits` 10 and 20 are different parts).
 */
export type RepositoryPart =
  | { kind: 'info' }
  | { kind: 'commits'; first: number }
  | { kind: 'pullRequests'; states: PullRequestState[]; first: number }
  | { kind: 'languages' }
  | { kind: 'releases'; first: number }
  | { kind: 'latestRelease' }
  | { kind: 'codeowners' }
  | { kind: 'pullRequestWindow' };

export type RepositoryPartKind = RepositoryPart['kind'];

/**
 * What each part loads to. `null` means the repository has no such thing (never released, no
 * CODEOWNERS); it is a value, not "no such repository".
 */
export interface RepositoryPartValues {
  info: RepoInfo;
  commits: CommitModel[];
  pullRequests: PullRequestPage;
  languages: LanguageModel[];
  releases: ReleaseModel[];
  latestRelease: ReleaseModel | null;
  codeowners: CodeownersSource | null;
  pullRequestWindow: PullRequestWindow;
}

const ALL_STATES: PullRequestState[] = ['OPEN', 'CLOSED', 'MERGED'];

/** Canonical states: sorted, de-duplicated; all three is the same as none (one part, one cache entry). */
export function normaliseStates(states: readonly PullRequestState[] | null | undefined): PullRequestState[] {
  const set = new Set(states ?? []);
  const sorted = ALL_STATES.filter((s) => set.has(s));
  return sorted.length === ALL_STATES.length ? [] : sorted;
}
