import type { PullRequestModel, ReleaseModel } from '../../model/types';
import { CODEOWNERS_LOCATIONS } from './buildGithubQuery';
import { partId, type RepoPart, type RepoPartValues } from './githubKeys';

/** The shapes GitHub answers for the selections in buildGithubQuery.ts (only what we ask for). */
interface RawRelease { tagName: string; name: string | null; publishedAt: string | null; url: string; isPrerelease: boolean; isDraft: boolean }
interface RawPullRequest extends Omit<PullRequestModel, 'authorLogin'> { author: { login: string } | null }
interface RawCommit { oid: string; messageHeadline: string; committedDate: string; url: string; author: { name: string | null; email: string | null; user: { login: string } | null } | null }
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
  languages?: { totalSize: number; edges: { size: number; node: { name: string; color: string | null } }[] };
  latestRelease?: RawRelease | null;
  prw_merged?: { totalCount: number; nodes: { createdAt: string; mergedAt: string }[] };
  prw_open?: { totalCount: number };
  [alias: string]: unknown;
}

const release = (r: RawRelease): ReleaseModel => ({
  tagName: r.tagName, name: r.name, publishedAt: r.publishedAt, url: r.url, isPrerelease: r.isPrerelease, isDraft: r.isDraft,
});

/** One part of a repository, from GitHub's answer to the aliased selection. */
export function readRepoPart<K extends RepoPart['kind']>(raw: RawRepository, part: RepoPart & { kind: K }): RepoPartValues[K];
export function readRepoPart(raw: RawRepository, part: RepoPart): RepoPartValues[RepoPart['kind']] {
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
      // An empty repository has no default branch; a branch pointing at a tag has no history.
      const history = (aliased as { target?: { history?: { nodes: RawCommit[] } } } | null)?.target?.history;
      return (history?.nodes ?? []).map((c) => ({
        oid: c.oid,
        headline: c.messageHeadline,
        author: { name: c.author?.name ?? null, email: c.author?.email ?? null, login: c.author?.user?.login ?? null },
        committedAt: c.committedDate,
        url: c.url,
      }));
    }
    case 'pullRequests': {
      const page = aliased as { totalCount: number; nodes: RawPullRequest[] };
      return {
        totalCount: page.totalCount,
        nodes: page.nodes.map(({ author, ...pr }) => ({ ...pr, authorLogin: author?.login ?? null })),
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
      return ((aliased as { nodes: RawRelease[] }).nodes ?? []).map(release);
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
