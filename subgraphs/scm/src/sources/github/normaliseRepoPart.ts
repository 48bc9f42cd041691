import type { RepositoryPart, RepositoryPartKind, RepositoryPartValues } from '../../model/RepositoryPart';
import type { PullRequestModel, ReleaseModel } from '../../model/types';
import { CODEOWNERS_LOCATIONS } from './buildGithubQuery';
import type { RawCommit, RawPullRequest, RawRelease, RawRepository } from './githubWire';
import { partId } from './githubKeys';

const release = (r: RawRelease): ReleaseModel => ({
  tagName: r.tagName, name: r.name, publishedAt: r.publishedAt, url: r.url, isPrerelease: r.isPrerelease, isDraft: r.isDraft,
});

/** A pull request as GitHub's `pullRequests` and `search` answer it. */
export const pullRequest = ({ author, ...pr }: RawPullRequest): PullRequestModel => ({ ...pr, authorLogin: author?.login ?? null });

/**
 * One part of a repository, from GitHub's answer to the aliased selection. A part GitHub answers
 * `null` for (an empty repository has no branch, languages or release) is the part's empty value,
 * never "no such repository": that is decided on the repository alias itself.
 */
export function normaliseRepoPart<K extends RepositoryPartKind>(raw: RawRepository, part: RepositoryPart & { kind: K }): RepositoryPartValues[K];
export function normaliseRepoPart(raw: RawRepository, part: RepositoryPart): RepositoryPartValues[RepositoryPartKind] {
  const aliased = raw[partId(part)];
  switch (part.kind) {
    case 'info':
      return {
        nameWithOwner: raw.nameWithOwner,
        owner: raw.owner.login,
        name: raw.name,
        url: raw.url,
        description: raw.description,
        defaultBranch: raw.defaultBranchRef?.name ?? null,
        isArchived: raw.isArchived,
        isPrivate: raw.isPrivate,
        pushedAt: raw.pushedAt,
      };
    case 'commits': {
      // An empty repository has no default branch; a branch pointing at a tag has no history;
      // a page of 0 is not asked for at all.
      const history = (aliased as { target?: { history?: { nodes: RawCommit[] } } } | null | undefined)?.target?.history;
      return (history?.nodes ?? []).map((c) => ({
        oid: c.oid,
        headline: c.messageHeadline,
        author: { name: c.author?.name ?? null, email: c.author?.email ?? null, login: c.author?.user?.login ?? null },
        committedAt: c.committedDate,
        url: c.url,
      }));
    }
    case 'pullRequests': {
      // A page of 0 asks only for the count (GitHub takes `first` 1..100).
      const page = aliased as { totalCount: number; nodes?: RawPullRequest[] };
      return {
        totalCount: page.totalCount,
        nodes: (page.nodes ?? []).map(pullRequest),
      };
    }
    case 'languages': {
      const languages = raw.languages ?? { totalSize: 0, edges: [] };
      return languages.edges.map((e) => ({
        name: e.node.name,
        color: e.node.color,
        bytes: e.size,
        share: languages.totalSize ? Math.round((e.size / languages.totalSize) * 10_000) / 10_000 : 0,
      }));
    }
    case 'releases':
      return ((aliased as { nodes?: RawRelease[] } | null | undefined)?.nodes ?? []).map(release);
    case 'latestRelease':
      return raw.latestRelease ? release(raw.latestRelease) : null;
    case 'codeowners': {
      // GitHub uses the first file it finds in this order; the others are ignored.
      for (const location of CODEOWNERS_LOCATIONS) {
        const blob = raw[location.alias] as { text?: string | null } | null | undefined;
        if (typeof blob?.text === 'string') return { path: location.path, text: blob.text };
      }
      return null;
    }
    case 'pullRequestWindow':
      return {
        openCount: raw.prw_open?.totalCount ?? 0,
        mergedTotal: raw.prw_merged?.totalCount ?? 0,
        merged: raw.prw_merged?.nodes ?? [],
      };
  }
}
