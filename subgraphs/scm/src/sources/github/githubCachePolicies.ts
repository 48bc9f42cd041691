import type { CachePolicy } from '@devgraph/runtime';
import type { RepositoryPartKind } from '../../model/RepositoryPart';
import type { GithubKey } from './githubKeys';
import { GITHUB } from './githubPolicy';

/**
 * Bump whenever a model shape in model/types.ts (or `GithubEntry`) changes, so replicas on the
 * old release and the new one never read each other's values from the shared Redis.
 * v2: entries are `GithubEntry` (v1 stored bare values, `null` for not found).
 */
export const CACHE_VERSION = 2;

/**
 * Cache lifetimes per kind of data, written down in one place (seconds). Fast-moving data (PRs,
 * commits) is short; what changes on a release or a reorg is long.
 */
export const DEFAULT_TTL_SECONDS: Record<RepositoryPartKind | 'team' | 'user' | 'reviewRequests', number> = {
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
  // A review waiting is what someone acts on next: as fresh as pull requests.
  reviewRequests: 60,
};

export interface CacheTuning {
  /** Overrides every default TTL when set. */
  ttlSeconds?: number;
  staleSeconds: number;
}

export function policyFor(key: GithubKey, tuning: CacheTuning): CachePolicy {
  const kind = key.type === 'repo' ? key.part.kind : key.type;
  return { namespace: GITHUB, version: CACHE_VERSION, ttlSeconds: tuning.ttlSeconds ?? DEFAULT_TTL_SECONDS[kind], staleSeconds: tuning.staleSeconds };
}
