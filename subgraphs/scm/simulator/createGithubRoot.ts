import type { GraphQLResolveInfo } from 'graphql';
import { connection } from './connection';
import { GithubError } from './GithubError';
import { searchIssues } from './searchIssues';
import type { GithubSeed, SeedCommit, SeedPullRequest, SeedRelease, SeedRepository, SeedTeam, SeedUser } from './seedTypes';

type Args = Record<string, unknown>;
type Order = { field?: string; direction?: 'ASC' | 'DESC' } | undefined;

/** What `rateLimit` reports; owned by the simulator instance. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  used: number;
  resetAt: Date;
  cost: number;
}

const WEB = 'https://github.com';
const nodeId = (kind: string, name: string) => Buffer.from(`${kind}:${name}`).toString('base64');

function sortBy<T>(items: readonly T[], key: (item: T) => string | number, direction: 'ASC' | 'DESC' = 'ASC'): T[] {
  const sign = direction === 'DESC' ? -1 : 1;
  return [...items].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
}

/**
 * The root value the simulator executes GitHub's real schema against. Objects carry
 * `__typename` (graphql-js resolves interfaces and unions with it) and fields with arguments are
 * methods, which graphql-js's default resolver calls with (args, context, info).
 */
export function createGithubRoot(seed: GithubSeed, rateLimit: () => RateLimitState) {
  const userObject = (user: SeedUser) => ({
    __typename: 'User', id: nodeId('User', user.login), login: user.login, name: user.name, email: user.email ?? '',
    url: `${WEB}/${user.login}`, avatarUrl: `https://avatars.githubusercontent.com/${user.login}`, company: 'Fernhollow',
  });
  const userByLogin = (login: string | null) => (login ? seed.users.get(login.toLowerCase()) : undefined);

  const teamObject = (team: SeedTeam): Record<string, unknown> => ({
    __typename: 'Team', id: nodeId('Team', `${team.org}/${team.slug}`), slug: team.slug, name: team.name, description: team.description,
    combinedSlug: `${team.org}/${team.slug}`, url: `${WEB}/orgs/${team.org}/teams/${team.slug}`,
    parentTeam: () => (team.parent ? teamObjectBySlug(team.parent) : null),
    members: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) =>
      connection(team.memberLogins.flatMap((l) => { const u = userByLogin(l); return u ? [userObject(u)] : []; }), args, info),
  });
  const teamObjectBySlug = (combined: string) => {
    const team = seed.teams.get(combined.toLowerCase());
    return team ? teamObject(team) : null;
  };

  const organisationObject = (login: string) => ({
    __typename: 'Organization', id: nodeId('Organization', login), login, name: login, url: `${WEB}/${login}`,
    team: ({ slug }: Args) => teamObjectBySlug(`${login}/${String(slug)}`),
  });

  /** A pull request; its `repository` is built only when a query selects it (search results do). */
  const pullRequestObject = (repo: SeedRepository, pr: SeedPullRequest) => {
    const nameWithOwner = `${repo.owner}/${repo.name}`;
    const author = userByLogin(pr.authorLogin);
    return {
      __typename: 'PullRequest', id: nodeId('PullRequest', `${nameWithOwner}#${pr.number}`), ...pr, url: `${WEB}/${nameWithOwner}/pull/${pr.number}`,
      author: author ? userObject(author) : null, repository: () => repositoryObject(repo),
    };
  };

  function repositoryObject(repo: SeedRepository) {
    const nameWithOwner = `${repo.owner}/${repo.name}`;
    const url = `${WEB}/${nameWithOwner}`;
    const commitObject = (c: SeedCommit) => ({
      __typename: 'Commit', id: nodeId('Commit', c.oid), oid: c.oid, messageHeadline: c.messageHeadline, message: c.messageHeadline,
      committedDate: c.committedDate, authoredDate: c.committedDate, url: `${url}/commit/${c.oid}`,
      author: { name: c.author.name, email: c.author.email, date: c.committedDate, user: (() => { const u = userByLogin(c.author.login); return u ? userObject(u) : null; })() },
      history: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) => connection(repo.commits.slice(repo.commits.indexOf(c)).map(commitObject), args, info),
    });
    const head = repo.commits[0];
    const prObject = (pr: SeedPullRequest) => pullRequestObject(repo, pr);
    const latest = repo.releases.find((r) => !r.isPrerelease && !r.isDraft);
    const releaseObject = (r: SeedRelease) => ({
      __typename: 'Release', id: nodeId('Release', `${nameWithOwner}@${r.tagName}`), ...r, isLatest: r === latest, url: `${url}/releases/tag/${r.tagName}`,
    });
    const totalSize = repo.languages.reduce((sum, l) => sum + l.size, 0);
    return {
      __typename: 'Repository', id: nodeId('Repository', nameWithOwner), name: repo.name, nameWithOwner, url,
      description: repo.description, isArchived: repo.isArchived, isPrivate: repo.isPrivate, pushedAt: head?.committedDate ?? null,
      owner: organisationObject(repo.owner),
      defaultBranchRef: head ? { __typename: 'Ref', id: nodeId('Ref', `${nameWithOwner}:main`), name: repo.defaultBranch, prefix: 'refs/heads/', target: commitObject(head) } : null,
      languages: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) => {
        const page = connection(sortBy(repo.languages, (l) => l.size, (args.orderBy as Order)?.direction ?? 'DESC'), args, info);
        const node = (l: SeedRepository['languages'][number]) => ({ __typename: 'Language', id: nodeId('Language', l.name), name: l.name, color: l.color });
        return { ...page, totalSize, nodes: page.nodes.map(node), edges: page.edges.map((e) => ({ cursor: e.cursor, size: e.node.size, node: node(e.node) })) };
      },
      pullRequests: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) => {
        const states = args.states as string[] | undefined;
        const order = args.orderBy as Order;
        const field = order?.field === 'UPDATED_AT' ? (p: SeedPullRequest) => p.updatedAt : (p: SeedPullRequest) => p.createdAt;
        // GitHub's default order is oldest first; dashboards must ask for DESC explicitly.
        const matching = repo.pullRequests.filter((p) => !states?.length || states.includes(p.state));
        return connection(sortBy(matching, field, order?.direction ?? 'ASC').map(prObject), args, info);
      },
      releases: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) => {
        const order = args.orderBy as Order;
        const key = order?.field === 'NAME' ? (r: SeedRelease) => r.tagName : (r: SeedRelease) => r.createdAt;
        return connection(sortBy(repo.releases, key, order?.direction ?? 'DESC').map(releaseObject), args, info);
      },
      latestRelease: latest ? releaseObject(latest) : null,
      object: ({ expression }: Args) => {
        const [rev, path] = String(expression).split(/:(.*)/s) as [string, string | undefined];
        if (rev !== 'HEAD' && rev !== repo.defaultBranch) return null;
        if (path === undefined) return head ? commitObject(head) : null;
        const text = repo.files[path];
        return text === undefined ? null : { __typename: 'Blob', id: nodeId('Blob', `${nameWithOwner}:${path}`), text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false };
      },
    };
  }

  return {
    repository: ({ owner, name }: Args) => {
      const repo = seed.repositories.get(`${String(owner)}/${String(name)}`.toLowerCase());
      if (!repo) throw new GithubError('NOT_FOUND', `Could not resolve to a Repository with the name '${String(owner)}/${String(name)}'.`);
      return repositoryObject(repo);
    },
    organization: ({ login }: Args) => {
      if (!seed.organisations.has(String(login).toLowerCase())) throw new GithubError('NOT_FOUND', `Could not resolve to an Organization with the login of '${String(login)}'.`);
      return organisationObject(String(login));
    },
    user: ({ login }: Args) => {
      const user = userByLogin(String(login));
      if (!user) throw new GithubError('NOT_FOUND', `Could not resolve to a User with the login of '${String(login)}'.`);
      return userObject(user);
    },
    // Issue search over pull requests (the seed has no issues); other search types find nothing.
    search: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) => {
      const hits = args.type === 'ISSUE' ? searchIssues(seed.repositories.values(), String(args.query)) : [];
      const page = connection(hits.map((hit) => pullRequestObject(hit.repo, hit.pr)), args, info);
      return { ...page, issueCount: hits.length, codeCount: 0, discussionCount: 0, repositoryCount: 0, userCount: 0, wikiCount: 0 };
    },
    viewer: () => ({ __typename: 'User', id: nodeId('User', 'devgraph-bot'), login: 'devgraph-bot', name: 'devgraph', url: `${WEB}/devgraph-bot` }),
    rateLimit: () => {
      const state = rateLimit();
      return { ...state, resetAt: state.resetAt.toISOString(), nodeCount: 0 };
    },
  };
}
