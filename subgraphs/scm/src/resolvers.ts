import { badUserInput } from '@devgraph/runtime';
import type { Resolvers } from './generated/types';
import { parseCodeowners, ruleForPath } from './model/parseCodeowners';
import { DEFAULT_STATS_DAYS, pullRequestStats } from './model/pullRequestStats';
import { loadRepoPart, loadRepository, loadTeam, loadUser, parseSlug } from './resolvers/loadGithub';
import { repoPartForField } from './resolvers/repoPartForField';
import type { RepoPart } from './sources/github/githubKeys';

/** The part a field reads; `repoPartForField` knows these fields, so it never returns undefined here. */
const partFor = <K extends RepoPart['kind']>(field: string, args: Record<string, unknown>) => repoPartForField(field, args) as RepoPart & { kind: K };

/** Entities arrive as representations; `null` slug means the annotation is absent, never an error. */
export const resolvers: Resolvers = {
  Query: {
    repository: (_root, { owner, name }, ctx, info) => {
      const parsed = parseSlug(`${owner}/${name}`, 'repository');
      return loadRepository(ctx, parsed.owner, parsed.name, info);
    },
  },
  Component: {
    __resolveReference: (reference) => reference,
    repository: (component, _args, ctx, info) => {
      if (!component.githubProjectSlug) return null;
      const { owner, name } = parseSlug(component.githubProjectSlug, 'github.com/project-slug');
      return loadRepository(ctx, owner, name, info);
    },
  },
  Group: {
    __resolveReference: (reference) => reference,
    githubTeam: (group, _args, ctx) => (group.githubTeamSlug ? loadTeam(ctx, group.githubTeamSlug) : null),
  },
  User: {
    __resolveReference: (reference) => reference,
    githubLogin: async (user, _args, ctx) => (user.githubUserLogin ? (await loadUser(ctx, user.githubUserLogin)).login : null),
    githubUser: (user, _args, ctx) => (user.githubUserLogin ? loadUser(ctx, user.githubUserLogin) : null),
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
    commits: (repo, args, ctx) => loadRepoPart(ctx, repo, partFor<'commits'>('commits', args)),
    pullRequests: (repo, args, ctx) => loadRepoPart(ctx, repo, partFor<'pullRequests'>('pullRequests', args)),
    languages: (repo, _args, ctx) => loadRepoPart(ctx, repo, { kind: 'languages' }),
    releases: (repo, args, ctx) => loadRepoPart(ctx, repo, partFor<'releases'>('releases', args)),
    latestRelease: (repo, _args, ctx) => loadRepoPart(ctx, repo, { kind: 'latestRelease' }),
    codeowners: async (repo, _args, ctx) => {
      const source = await loadRepoPart(ctx, repo, { kind: 'codeowners' });
      return source ? parseCodeowners(source.text, source.path) : null;
    },
    ownersOf: async (repo, { path }, ctx) => {
      const source = await loadRepoPart(ctx, repo, { kind: 'codeowners' });
      return source ? (ruleForPath(parseCodeowners(source.text, source.path).rules, path)?.owners ?? []) : [];
    },
    pullRequestStats: async (repo, { since }, ctx) => {
      const from = since ? new Date(since) : new Date(ctx.now().getTime() - DEFAULT_STATS_DAYS * 86_400_000);
      if (Number.isNaN(from.getTime())) throw badUserInput(`since "${since}" is not an ISO-8601 date-time.`, { since });
      return pullRequestStats(await loadRepoPart(ctx, repo, { kind: 'pullRequestWindow' }), from);
    },
  },
  CodeownersFile: {
    ruleFor: (file, { path }) => ruleForPath(file.rules, path) ?? null,
  },
  GitHubTeam: {
    members: (team) => team.members,
  },
};
