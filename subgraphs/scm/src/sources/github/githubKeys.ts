import type { RepositoryPart } from '../../model/RepositoryPart';

/** Everything one request's GitHub loader can load; one batch of these becomes one aliased query. */
export type GithubKey =
  | { type: 'repo'; owner: string; name: string; part: RepositoryPart }
  | { type: 'team'; org: string; slug: string }
  | { type: 'user'; login: string }
  | { type: 'reviewRequests'; login: string; first: number };

/**
 * What GitHub's answer holds for one key, and what is cached under it. "GitHub does not know this
 * repository/team/user" is `{ found: false }`, kept apart from a part whose value is legitimately
 * `null` (no CODEOWNERS, never released): `{ found: true, value: null }`. One `null` for both is
 * how a repository without CODEOWNERS used to be reported as NOT_FOUND.
 */
export type GithubEntry = { found: true; value: unknown } | { found: false };
export const NOT_FOUND_ENTRY: GithubEntry = Object.freeze({ found: false });

/** Which repository, team, user or search a key belongs to: the unit one alias in the query fetches. */
export function unitOf(key: GithubKey): string {
  // GitHub names are case-insensitive: `Fernhollow/Checkout` and `fernhollow/checkout` are one repo.
  switch (key.type) {
    case 'repo':
      return `repo:${key.owner}/${key.name}`.toLowerCase();
    case 'team':
      return `team:${key.org}/${key.slug}`.toLowerCase();
    case 'user':
      return `user:${key.login}`.toLowerCase();
    case 'reviewRequests':
      return `reviewRequests:${key.login}:${key.first}`.toLowerCase();
  }
}

/** A part's alias inside its repository's selection, and the last segment of its cache key. */
export function partId(part: RepositoryPart): string {
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
