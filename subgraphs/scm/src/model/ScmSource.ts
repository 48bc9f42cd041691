import type { RepositoryPart, RepositoryPartKind, RepositoryPartValues } from './RepositoryPart';
import type { RepositoryParent, RepositorySlug, ReviewRequestListModel, TeamModel, UserModel } from './types';

/**
 * One request's view of a source-control tool. Every method goes through the request's batching
 * (all repositories, parts, teams and users one operation asks for become as few upstream calls
 * as the tool allows) and the shared cache with stale-if-error. GitHub is the one implementation;
 * another tool (GitLab, Bitbucket) implements this and the resolvers do not change.
 */
export interface ScmRequestSource {
  /** The tool's name for errors and logs (`github`). */
  readonly upstream: string;
  /**
   * A repository with its info; `null` when the tool has no such repository. `prefetch` names the
   * parts the operation will read next, so the source can fetch them in the same call as the info.
   */
  repository(slug: RepositorySlug, prefetch?: readonly RepositoryPart[]): Promise<RepositoryParent | null>;
  /** One part of a repository; rejects with NOT_FOUND if the repository has disappeared meanwhile. */
  repositoryPart<K extends RepositoryPartKind>(repository: RepositorySlug, part: RepositoryPart & { kind: K }): Promise<RepositoryPartValues[K]>;
  /** A team of an organisation; `null` when the tool has no such team. */
  team(org: string, slug: string): Promise<TeamModel | null>;
  /** An account by login; `null` when the tool has no such account. */
  user(login: string): Promise<UserModel | null>;
  /** Open pull requests awaiting this account's review (up to `first`, newest first), in every repository the token sees. */
  reviewRequests(login: string, first: number): Promise<ReviewRequestListModel>;
}

/** The process-wide part: holds the client and cache; hands out per-request views. */
export interface ScmSource {
  forRequest(): ScmRequestSource;
  close(): Promise<void>;
}
