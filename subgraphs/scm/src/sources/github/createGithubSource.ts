import { createLoader, notFound, type BatchResults, type Cache, type Upstream } from '@devgraph/runtime';
import type { RepositoryPart, RepositoryPartKind, RepositoryPartValues } from '../../model/RepositoryPart';
import type { ScmRequestSource, ScmSource } from '../../model/ScmSource';
import type { RepoInfo, RepositorySlug, ReviewRequestListModel, TeamModel, UserModel } from '../../model/types';
import { buildGithubQuery, chunkUnits, groupUnits, type QueryLimits } from './buildGithubQuery';
import { cachedTogether } from './cachedTogether';
import type { GithubClient } from './createGithubClient';
import { policyFor, type CacheTuning } from './githubCachePolicies';
import { keyOf, type GithubEntry, type GithubKey } from './githubKeys';
import { readGithubResponse } from './readGithubResponse';

/** A value as the port hands it out: with when GitHub produced it and whether it is served stale. */
interface Loaded {
  value: unknown;
  fetchedAt: string;
  stale: boolean;
}

export interface GithubSourceOptions {
  client: GithubClient;
  upstream: Upstream;
  cache: Cache;
  cacheTuning: CacheTuning;
  limits: QueryLimits;
}

const repoKey = (slug: RepositorySlug, part: RepositoryPart): GithubKey => ({ type: 'repo', owner: slug.owner, name: slug.name, part });

/**
 * GitHub as an ScmSource: per request, every key the operation asked for (repository parts,
 * teams, users) is read through the shared cache, and whatever is missing or stale becomes ONE
 * aliased GraphQL query (more only past the chunk limits, sent one after another as GitHub asks
 * of integrations). Stale entries are served when GitHub fails (stale-if-error), counted and logged
 * by the upstream.
 */
export function createGithubSource(options: GithubSourceOptions): ScmSource {
  const { client, upstream, cache } = options;

  async function fetchMany(keys: GithubKey[]): Promise<Map<string, GithubEntry | Error>> {
    const results = new Map<string, GithubEntry | Error>();
    for (const chunk of chunkUnits(groupUnits(keys), options.limits)) {
      const plan = buildGithubQuery(chunk);
      try {
        const answer = await client.query(plan);
        for (const [key, value] of readGithubResponse(plan, answer.data, answer.errors)) results.set(key, value);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const unit of chunk) for (const key of unit.keys) results.set(keyOf(key), failure);
      }
    }
    return results;
  }

  async function batch(keys: readonly GithubKey[]): Promise<BatchResults<Loaded>> {
    const read = await cachedTogether<GithubKey, GithubEntry>(keys, {
      keyOf,
      read: (key, load) => upstream.cached(cache, policyFor(key, options.cacheTuning), keyOf(key), load),
      loadMany: fetchMany,
    });
    const results: BatchResults<Loaded> = new Map();
    for (const [key, result] of read) {
      // Not found is the loader's `null`; a found part keeps its own value, `null` included.
      if (result instanceof Error) results.set(key, result);
      else results.set(key, result.value.found ? { value: result.value.value, fetchedAt: new Date(result.storedAt).toISOString(), stale: result.stale } : null);
    }
    return results;
  }

  function forRequest(): ScmRequestSource {
    // Per request: its memo is this operation's view of GitHub, never shared with another.
    const loader = createLoader<GithubKey, Loaded>(batch, { keyOf, name: upstream.name });
    return {
      upstream: upstream.name,
      async repository(slug, prefetch = []) {
        // Prefetch only: the part's own reader loads (and sees any error) itself; caught here so a
        // failure is not an unhandled rejection.
        for (const part of prefetch) loader.load(repoKey(slug, part)).catch(() => undefined);
        const loaded = await loader.load(repoKey(slug, { kind: 'info' }));
        return loaded ? { owner: slug.owner, name: slug.name, info: loaded.value as RepoInfo, fetchedAt: loaded.fetchedAt, stale: loaded.stale } : null;
      },
      async repositoryPart<K extends RepositoryPartKind>(repository: RepositorySlug, part: RepositoryPart & { kind: K }) {
        const loaded = await loader.load(repoKey(repository, part));
        // Only reachable if the repository vanished between two cache entries' lifetimes.
        if (!loaded) throw notFound(`GitHub repository "${repository.owner}/${repository.name}"`, { upstream: upstream.name });
        return loaded.value as RepositoryPartValues[K];
      },
      team: async (org, slug) => ((await loader.load({ type: 'team', org, slug }))?.value as TeamModel | undefined) ?? null,
      user: async (login) => ((await loader.load({ type: 'user', login }))?.value as UserModel | undefined) ?? null,
      // A search always answers (an unknown login finds nothing), so there is no "not found" here.
      reviewRequests: async (login, first) =>
        ((await loader.load({ type: 'reviewRequests', login, first }))?.value as ReviewRequestListModel | undefined) ?? { totalCount: 0, nodes: [] },
    };
  }

  return {
    forRequest,
    // The upstream and the cache belong to the subgraph that created them; nothing of its own to free.
    close: async () => undefined,
  };
}
