/** The GitHub simulator's data, generated from the demo organisation (see createGithubSeed.ts). */

export interface SeedUser {
  login: string;
  name: string | null;
  email: string | null;
}

export interface SeedTeam {
  org: string;
  slug: string;
  name: string;
  description: string | null;
  /** `org/slug` of the parent team. */
  parent: string | null;
  memberLogins: string[];
}

export interface SeedCommit {
  oid: string;
  messageHeadline: string;
  committedDate: string;
  author: { name: string; email: string; login: string | null };
}

export interface SeedPullRequest {
  number: number;
  title: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  authorLogin: string | null;
  createdAt: string;
  updatedAt: string;
  isDraft: boolean;
  reviewDecision: 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED' | null;
  mergedAt: string | null;
  closedAt: string | null;
  /** Logins whose review is requested and not yet given (what `review-requested:` searches). */
  reviewRequestLogins: string[];
}

export interface SeedRelease {
  tagName: string;
  name: string;
  createdAt: string;
  publishedAt: string;
  isPrerelease: boolean;
  isDraft: boolean;
}

export interface SeedRepository {
  owner: string;
  name: string;
  description: string | null;
  isPrivate: boolean;
  isArchived: boolean;
  defaultBranch: string;
  languages: { name: string; color: string; size: number }[];
  /** Newest first. */
  commits: SeedCommit[];
  /** Newest first. */
  pullRequests: SeedPullRequest[];
  /** Newest first. */
  releases: SeedRelease[];
  /** Files on the default branch, by path (CODEOWNERS and a README). */
  files: Record<string, string>;
}

export interface GithubSeed {
  /** Keys are lower-case: GitHub names are case-insensitive. */
  repositories: Map<string, SeedRepository>;
  teams: Map<string, SeedTeam>;
  users: Map<string, SeedUser>;
  organisations: Set<string>;
}
