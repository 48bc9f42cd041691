import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, notFound } from '@devgraph/runtime';
import type { ScmContext } from '../context';
import type { GitHubUserModel, RepositoryParent, TeamModel } from '../model/types';
import type { RepoPart, RepoPartValues } from '../sources/github/githubKeys';
import { selectedRepoParts } from './selectedRepoParts';

const OWNER_AND_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]*))\/([A-Za-z0-9._-]+)$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*)$/;

/** `owner/name` from an annotation or arguments; a malformed value is the catalog's (or caller's) to fix. */
export function parseSlug(slug: string, what: string): { owner: string; name: string } {
  const match = OWNER_AND_NAME.exec(slug.trim());
  if (!match) throw badUserInput(`${what} "${slug}" is not owner/name, e.g. fernhollow/checkout.`, { slug });
  return { owner: match[1]!, name: match[2]! };
}

/**
 * A repository with its `info` part. Every part the operation selects below this field is
 * requested in the same tick, so the loader sends them to GitHub together with `info`: one call.
 */
export async function loadRepository(ctx: ScmContext, owner: string, name: string, info?: GraphQLResolveInfo): Promise<RepositoryParent> {
  const loader = ctx.loaders.github;
  if (info) {
    // Prefetch only: the field resolvers load (and see any error) themselves; handled here so a
    // failure is not an unhandled rejection.
    for (const part of selectedRepoParts(info)) loader.load({ type: 'repo', owner, name, part }).catch(() => undefined);
  }
  const loaded = await loader.load({ type: 'repo', owner, name, part: { kind: 'info' } });
  if (!loaded) throw notFound(`GitHub repository "${owner}/${name}"`, { upstream: 'github', details: { repository: `${owner}/${name}` } });
  return { owner, name, info: loaded.value as RepoPartValues['info'], fetchedAt: loaded.fetchedAt, stale: loaded.stale };
}

export async function loadRepoPart<K extends RepoPart['kind']>(ctx: ScmContext, repo: RepositoryParent, part: RepoPart & { kind: K }): Promise<RepoPartValues[K]> {
  const loaded = await ctx.loaders.github.load({ type: 'repo', owner: repo.owner, name: repo.name, part });
  // Only reachable if the repository vanished between two cache entries' lifetimes.
  if (!loaded) throw notFound(`GitHub repository "${repo.owner}/${repo.name}"`, { upstream: 'github' });
  return loaded.value as RepoPartValues[K];
}

export async function loadTeam(ctx: ScmContext, combinedSlug: string): Promise<TeamModel> {
  const { owner: org, name: slug } = parseSlug(combinedSlug, 'github.com/team-slug');
  const loaded = await ctx.loaders.github.load({ type: 'team', org, slug });
  if (!loaded) throw notFound(`GitHub team "${org}/${slug}"`, { upstream: 'github', details: { team: `${org}/${slug}` } });
  return loaded.value as TeamModel;
}

export async function loadUser(ctx: ScmContext, login: string): Promise<GitHubUserModel> {
  if (!LOGIN.test(login.trim())) throw badUserInput(`github.com/user-login "${login}" is not a GitHub login.`, { login });
  const loaded = await ctx.loaders.github.load({ type: 'user', login: login.trim() });
  if (!loaded) throw notFound(`GitHub user "${login}"`, { upstream: 'github', details: { login } });
  return loaded.value as GitHubUserModel;
}
