/**
 * The scm subgraph's model: GitHub data already shaped for devgraph. This is what is cached
 * (so changing a shape means bumping the cache version in `githubKeys.ts`) and what resolvers
 * map GraphQL types onto (see codegen.yml mappers).
 */

export type PullRequestState = 'OPEN' | 'CLOSED' | 'MERGED';
export type PullRequestReviewDecision = 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED';

export interface RepoInfo {
  nameWithOwner: string;
  owner: string;
  name: string;
  url: string;
  description: string | null;
  defaultBranch: string | null;
  isArchived: boolean;
  isPrivate: boolean;
  pushedAt: string | null;
}

export interface CommitModel {
  oid: string;
  headline: string;
  author: { name: string | null; email: string | null; login: string | null };
  committedAt: string;
  url: string;
}

export interface PullRequestModel {
  number: number;
  title: string;
  url: string;
  state: PullRequestState;
  authorLogin: string | null;
  createdAt: string;
  isDraft: boolean;
  reviewDecision: PullRequestReviewDecision | null;
  mergedAt: string | null;
  closedAt: string | null;
}

export interface PullRequestPage {
  totalCount: number;
  nodes: PullRequestModel[];
}

export interface LanguageModel {
  name: string;
  color: string | null;
  bytes: number;
  share: number;
}

export interface ReleaseModel {
  tagName: string;
  name: string | null;
  publishedAt: string | null;
  url: string;
  isPrerelease: boolean;
  isDraft: boolean;
}

/** The raw CODEOWNERS file GitHub would use; parsed on read (cheap) so the parser can change without a cache bump. */
export interface CodeownersSource {
  path: string;
  text: string;
}

/** What `pullRequestStats` is computed from: one window of merged PRs plus the open count. */
export interface PullRequestWindow {
  openCount: number;
  mergedTotal: number;
  merged: { createdAt: string; mergedAt: string }[];
}

export interface GitHubUserModel {
  login: string;
  name: string | null;
  url: string;
  avatarUrl: string | null;
}

export interface TeamModel {
  combinedSlug: string;
  slug: string;
  name: string;
  description: string | null;
  url: string;
  parentSlug: string | null;
  membersCount: number;
  members: GitHubUserModel[];
}

/** The parent object of every Repository field: identity plus the always-loaded info part. */
export interface RepositoryParent {
  owner: string;
  name: string;
  info: RepoInfo;
  fetchedAt: string;
  stale: boolean;
}

export interface CodeownersRuleModel {
  pattern: string;
  owners: string[];
  line: number;
}

export interface CodeownersFileModel {
  path: string;
  rules: CodeownersRuleModel[];
}

export interface PullRequestStatsModel {
  since: string;
  mergedCount: number;
  medianHoursToMerge: number | null;
  openCount: number;
  complete: boolean;
}
