import { checkPageSize, notFound } from '@devgraph/runtime';
import type { ScmContext } from './context';
import type { Resolvers } from './generated/types';
import { parseCodeowners, ruleForPath } from './model/parseCodeowners';
import { DEFAULT_STATS_DAYS, pullRequestStats } from './model/pullRequestStats';
import type { RepositoryPart, RepositoryPartKind } from './model/RepositoryPart';
import type { TeamModel, UserModel } from './model/types';
import { loadRepository } from './resolvers/loadRepository';
import { parseLogin, parseSlug } from './resolvers/parseSlug';
import { repoPartForField } from './resolvers/repoPartForField';
import { repositoryByNameForbidden } from './resolvers/repositoryByNameForbidden';

/** The part a field reads; `repoPartForField` knows these fields, so it never returns undefined here. */
const partFor = <K extends RepositoryPartKind>(field: string, args: Record<string, unknown>) => repoPartForField(field, args) as RepositoryPart & { kind: K };

async function loadTeam(ctx: ScmContext, combinedSlug: string): Promise<TeamModel> {
  const { owner: org, name: slug } = parseSlug(combinedSlug, 'github.com/team-slug');
  const team = await ctx.source.team(org, slug);
  if (!team) throw notFound(`GitHub team "${org}/${slug}"`, { upstream: ctx.source.upstream, details: { team: `${org}/${slug}` } });
  return team;
}

async function loadUser(ctx: ScmContext, annotation: string): Promise<UserModel> {
  const login = parseLogin(annotation);
  const user = await ctx.source.user(login);
  if (!user) throw notFound(`GitHub user "${login}"`, { upstream: ctx.source.upstream, details: { login } });
  return user;
}

/** Entities arrive as representations; `null` slug means the annotation is absent, never an error. */
export const resolvers: Resolvers = {
  Query: {
    repository: (_root, { owner, name }, ctx, info) => {
      // Any caller naming any repository would make the server's GitHub token read it: without the
      // opt-in, only the repositories the catalog names are served (through their entity).
      if (!ctx.allowAnyRepository) throw repositoryByNameForbidden(ctx.source.upstream);
      return loadRepository(ctx, parseSlug(`${owner}/${name}`, 'repository'), info);
    },
  },
  Component: {
    __resolveReference: (reference) => reference,
    repository: (component, _args, ctx, info) =>
      component.githubProjectSlug ? loadRepository(ctx, parseSlug(component.githubProjectSlug, 'github.com/project-slug'), info) : null,
  },
  Group: {
    __resolveReference: (reference) => reference,
    githubTeam: (group, _args, ctx) => (group.githubTeamSlug ? loadTeam(ctx, group.githubTeamSlug) : null),
  },
  User: {
    __resolveReference: (reference) => reference,
    githubLogin: async (user, _args, ctx) => (user.githubUserLogin ? (await loadUser(ctx, user.githubUserLogin)).login : null),
    githubUser: (user, _args, ctx) => (user.githubUserLogin ? loadUser(ctx, user.githubUserLogin) : null),
    reviewRequests: (user, { first }, ctx) => {
      // GitHub's page limit; checked before the annotation so a bad argument is always reported.
      const size = checkPageSize(first, 10, 100);
      return user.githubUserLogin ? ctx.source.reviewRequests(parseLogin(user.githubUserLogin), size) : null;
    },
  },
  Repository: {
    nameWithOwner: (repo) => repo.info.nameWithOwner,
    owner: (repo) => repo.info.owner,
    name: (repo) => repo.info.name,
    url: (repo) => repo.info.url,
    description: (repo) => repo.info.description,
    defaultBranch: (repo) => repo.info.defaultBranch,
    isArchived: (repo) => repo.info.isArchived,
    isPrivate: (repo) => repo.info.isPrivate,
    pushedAt: (repo) => repo.info.pushedAt,
    fetchedAt: (repo) => repo.fetchedAt,
    stale: (repo) => repo.stale,
    commits: (repo, args, ctx) => ctx.source.repositoryPart(repo, partFor<'commits'>('commits', args)),
    pullRequests: (repo, args, ctx) => ctx.source.repositoryPart(repo, partFor<'pullRequests'>('pullRequests', args)),
    languages: (repo, _args, ctx) => ctx.source.repositoryPart(repo, { kind: 'languages' }),
    releases: (repo, args, ctx) => ctx.source.repositoryPart(repo, partFor<'releases'>('releases', args)),
    latestRelease: (repo, _args, ctx) => ctx.source.repositoryPart(repo, { kind: 'latestRelease' }),
    codeowners: async (repo, _args, ctx) => {
      const file = await ctx.source.repositoryPart(repo, { kind: 'codeowners' });
      return file ? parseCodeowners(file.text, file.path) : null;
    },
    ownersOf: async (repo, { path }, ctx) => {
      const file = await ctx.source.repositoryPart(repo, { kind: 'codeowners' });
      return file ? (ruleForPath(parseCodeowners(file.text, file.path).rules, path)?.owners ?? []) : [];
    },
    pullRequestStats: async (repo, { since }, ctx) => {
      // `since` has passed the DateTime scalar: a valid instant, or absent.
      const from = since ? new Date(since) : new Date(ctx.now() - DEFAULT_STATS_DAYS * 86_400_000);
      return pullRequestStats(await ctx.source.repositoryPart(repo, { kind: 'pullRequestWindow' }), from);
    },
  },
  CodeownersFile: {
    ruleFor: (file, { path }) => ruleForPath(file.rules, path) ?? null,
  },
  GitHubTeam: {
    members: (team) => team.members,
  },
};
