import type { CachePolicy } from '@devgraph/runtime';
import type {
  CodeownersSource, CommitModel, GitHubUserModel, LanguageModel, PullRequestPage, PullRequestState,
  PullRequestWindow, ReleaseModel, RepoInfo, TeamModel,
} from '../../model/types';

/**
 * One part of a repository that GitHub can be asked for. A part is the unit of fetching and of
 * caching: an operation that selects only `nameWithOwner` never pays for commits or PRs.
 * Arguments are part of the key (`commits` 10 and 20 are cached apart).
 */
export type RepoPart =
  | { kind: 'info' }
  | { kind: 'commits'; first: number }
  | { kind: 'pullRequests'; states: PullRequestState[]; first: number }
  | { kind: 'languages' }
  | { kind: 'releases'; first: number }
  | { kind: 'latestRelease' }
  | { kind: 'codeowners' }
  | { kind: 'pullRequestWindow' };

/** Everything the GitHub loader can load; one batch of these becomes one aliased query. */
export type GithubKey =
  | { type: 'repo'; owner: string; name: string; part: RepoPart }
  | { type: 'team'; org: string; slug: string }
  | { type: 'user'; login: string };

/**
 * What each part loads to. `null` here means the repository has no such thing (no latest release,
 * no CODEOWNERS); a repository GitHub does not know is a `GithubEntry` with `found: false`.
 */
export interface RepoPartValues {
  info: RepoInfo;
  commits: CommitModel[];
  pullRequests: PullRequestPage;
  languages: LanguageModel[];
  releases: ReleaseModel[];
  latestRelease: ReleaseModel | null;
  codeowners: CodeownersSource | null;
  pullRequestWindow: PullRequestWindow;
}
export type TeamValue = TeamModel;
export type UserValue = GitHubUserModel;

/**
 * What GitHub's answer holds for one key, and what is cached under it. "GitHub does not know this
 * repository/team/user" is `{ found: false }`, kept apart from a part whose value is legitimately
 * `null` (no CODEOWNERS, never released): `{ found: true, value: null }`. One `null` for both is
 * how a repository without CODEOWNERS used to be reported as NOT_FOUND.
 */
export type GithubEntry = { found: true; value: unknown } | { found: false };
export const NOT_FOUND_ENTRY: GithubEntry = Object.freeze({ found: false });

/**
 * Cache lifetimes per kind of data, written down in one place (seconds). Fast-moving data
 * (PRs, commits) is short; what changes on a release or a reorg is long. Bump `CACHE_VERSION`
 * whenever a model shape in model/types.ts (or `GithubEntry`) changes, so replicas on the old
 * release and the new one never read each other's values from the shared Redis.
 * v2: entries are `GithubEntry` (v1 stored bare values, `null` for not found).
 */
export const CACHE_VERSION = 2;
export const DEFAULT_TTL_SECONDS: Record<RepoPart['kind'] | 'team' | 'user', number> = {
  info: 300,
  commits: 120,
  pullRequests: 60,
  pullRequestWindow: 300,
  languages: 3600,
  releases: 600,
  latestRelease: 600,
  codeowners: 600,
  team: 600,
  user: 3600,
};

export interface CacheTuning {
  /** Overrides every default TTL when set. */
  ttlSeconds?: number;
  staleSeconds: number;
}

export function policyFor(key: GithubKey, tuning: CacheTuning): CachePolicy {
  const kind = key.type === 'repo' ? key.part.kind : key.type;
  return { namespace: 'github', version: CACHE_VERSION, ttlSeconds: tuning.ttlSeconds ?? DEFAULT_TTL_SECONDS[kind], staleSeconds: tuning.staleSeconds };
}

/** Which repository, team or user a key belongs to: the unit one alias in the query fetches. */
export function unitOf(key: GithubKey): string {
  // GitHub names are case-insensitive: `Fernhollow/Checkout` and `fernhollow/checkout` are one repo.
  switch (key.type) {
    case 'repo':
      return `repo:${key.owner}/${key.name}`.toLowerCase();
    case 'team':
      return `team:${key.org}/${key.slug}`.toLowerCase();
    case 'user':
      return `user:${key.login}`.toLowerCase();
  }
}

export function partId(part: RepoPart): string {
  switch (part.kind) {
    case 'commits':
    case 'releases':
      return `${part.kind}_${part.first}`;
    case 'pullRequests':
      return `prs_${part.states.join('_') || 'ALL'}_${part.first}`;
    default:
      return part.kind;
  }
}

/** The string a key is de-duplicated and cached under. */
export const keyOf = (key: GithubKey): string => (key.type === 'repo' ? `${unitOf(key)}:${partId(key.part)}` : unitOf(key));

const ALL_STATES: PullRequestState[] = ['OPEN', 'CLOSED', 'MERGED'];

/** Canonical states: sorted, de-duplicated; all three is the same as none. */
export function normaliseStates(states: readonly PullRequestState[] | null | undefined): PullRequestState[] {
  const set = new Set(states ?? []);
  const sorted = ALL_STATES.filter((s) => set.has(s));
  return sorted.length === ALL_STATES.length ? [] : sorted;
}
