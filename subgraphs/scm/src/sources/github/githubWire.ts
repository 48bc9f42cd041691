/**
 * What GitHub answers, for exactly the selections buildGithubQuery.ts sends (nothing more), and
 * the shapes of what octokit throws. Normalisers turn these into the model; nothing else reads them.
 */

export interface RawRelease { tagName: string; name: string | null; publishedAt: string | null; url: string; isPrerelease: boolean; isDraft: boolean }

export interface RawPullRequest {
  number: number;
  title: string;
  url: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  author: { login: string } | null;
  createdAt: string;
  isDraft: boolean;
  reviewDecision: 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED' | null;
  mergedAt: string | null;
  closedAt: string | null;
}

export interface RawCommit {
  oid: string;
  messageHeadline: string;
  committedDate: string;
  url: string;
  author: { name: string | null; email: string | null; user: { login: string } | null } | null;
}

/** A repository under its alias: the info fields, plus each part under its own alias (see `partId`). */
export interface RawRepository {
  nameWithOwner: string;
  name: string;
  owner: { login: string };
  url: string;
  description: string | null;
  isArchived: boolean;
  isPrivate: boolean;
  pushedAt: string | null;
  defaultBranchRef: { name: string } | null;
  languages?: { totalSize: number; edges: { size: number; node: { name: string; color: string | null } }[] } | null;
  latestRelease?: RawRelease | null;
  prw_merged?: { totalCount: number; nodes: { createdAt: string; mergedAt: string }[] };
  prw_open?: { totalCount: number };
  [alias: string]: unknown;
}

/** `search(type: ISSUE)` for pull requests: the PR fields plus the repository's name. */
export interface RawPullRequestSearch {
  issueCount: number;
  nodes?: (RawPullRequest & { repository: { nameWithOwner: string } })[];
}

export interface RawUser { login: string; name: string | null; url: string; avatarUrl: string | null }

export interface RawTeam {
  slug: string;
  combinedSlug: string;
  name: string;
  description: string | null;
  url: string;
  parentTeam: { combinedSlug: string } | null;
  members: { totalCount: number; nodes: RawUser[] };
}

/** `rateLimit { cost remaining resetAt limit }`, asked in every query. */
export interface RawRateLimit { cost?: number; remaining: number; resetAt: string; limit?: number }

/** An entry of GitHub's `errors` array (type is GitHub's own; path starts with our alias). */
export interface GithubGraphqlError {
  type?: string;
  message: string;
  path?: (string | number)[];
}

export type WireHeaders = Record<string, string | number | undefined>;

/** What octokit throws, by shape: its classes live in ESM-only packages, so we duck-type. */
export interface OctokitHttpError { name: 'HttpError'; status: number; message: string; response?: { headers: WireHeaders; data?: unknown } }
export interface OctokitGraphqlError { name: 'GraphqlResponseError'; errors: GithubGraphqlError[]; data?: Record<string, unknown> | null; headers: WireHeaders }
