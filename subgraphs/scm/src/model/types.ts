import type * as Gql from '../generated/types';

/**
 * The scm subgraph's model: source-control data already shaped for devgraph, whatever tool it
 * comes from (GitHub today). It is what the cache holds (so changing a shape means bumping the
 * cache version in `sources/github/githubCachePolicies.ts`) and what resolvers map GraphQL types
 * onto (see codegen.yml mappers). Dates are ISO-8601 strings; they travel through the cache as JSON.
 *
 * Where a model type has the shape of its GraphQL type it is derived from the generated one, so
 * a field added to schema.graphql cannot be forgotten here.
 */

/**
 * A generated output type as the model holds it: every field present, `null` for "none" (never
 * `undefined`, which JSON would drop), no `__typename`.
 */
type Model<T> = { [K in keyof T as K extends '__typename' ? never : K]-?: Exclude<T[K], undefined> };

export type PullRequestState = Gql.PullRequestState;
export type PullRequestReviewDecision = Gql.PullRequestReviewDecision;

/** A repository's own fields: what every Repository field without arguments reads. */
export type RepoInfo = Pick<
  Model<Gql.Repository>,
  'nameWithOwner' | 'owner' | 'name' | 'url' | 'description' | 'defaultBranch' | 'isArchived' | 'isPrivate' | 'pushedAt'
>;

export type CommitModel = Omit<Model<Gql.Commit>, 'author'> & { author: Model<Gql.CommitAuthor> };
export type PullRequestModel = Model<Gql.PullRequest>;
export type PullRequestPage = Omit<Model<Gql.PullRequestConnection>, 'nodes'> & { nodes: PullRequestModel[] };
export type ReviewRequestModel = Omit<Model<Gql.ReviewRequest>, 'pullRequest'> & { pullRequest: PullRequestModel };
export type ReviewRequestListModel = Omit<Model<Gql.ReviewRequestList>, 'nodes'> & { nodes: ReviewRequestModel[] };
export type LanguageModel = Model<Gql.Language>;
export type ReleaseModel = Model<Gql.Release>;
export type UserModel = Model<Gql.GitHubUser>;
export type TeamModel = Omit<Model<Gql.GitHubTeam>, 'members'> & { members: UserModel[] };
export type CodeownersRuleModel = Model<Gql.CodeownersRule>;
/** `ruleFor(path)` is computed from `rules` by its resolver. */
export type CodeownersFileModel = Pick<Model<Gql.CodeownersFile>, 'path'> & { rules: CodeownersRuleModel[] };
export type PullRequestStatsModel = Model<Gql.PullRequestStats>;

/** The raw CODEOWNERS file the tool would use; parsed on read (cheap) so the parser can change without a cache bump. */
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

/** A repository as the tool names it: `owner/name`. */
export interface RepositorySlug {
  owner: string;
  name: string;
}

/** The parent object of every Repository field: identity plus the always-loaded info part. */
export interface RepositoryParent extends RepositorySlug {
  info: RepoInfo;
  /** When the info was fetched from the tool (it may come from the cache). */
  fetchedAt: string;
  /** True when the tool failed and older cached info is served instead. */
  stale: boolean;
}
