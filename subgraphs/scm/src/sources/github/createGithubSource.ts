import type DataLoader from 'dataloader';
import { cachedBatch, createLoader, type Cache, type Logger } from '@devgraph/runtime';
import { buildGithubQuery, chunkUnits, groupUnits, type QueryLimits } from './buildGithubQuery';
import type { GithubClient } from './createGithubClient';
import { keyOf, policyFor, type CacheTuning, type GithubEntry, type GithubKey } from './githubKeys';
import { readGithubResponse } from './readGithubResponse';

/** A value as a resolver gets it: with when GitHub produced it and whether it is served stale. */
export interface Loaded<T> {
  value: T;
  fetchedAt: string;
  stale: boolean;
}

/** Per request: `null` when GitHub does not know the repository/team/user. */
export type GithubLoader = DataLoader<GithubKey, Loaded<unknown> | null, string>;

export interface GithubSource {
  /** A fresh loader for one GraphQL request (its memo must never outlive the request). */
  createLoader(): GithubLoader;
  close(): Promise<void>;
}

export interface GithubSourceOptions {
  client: GithubClient;
  cache: Cache;
  cacheTuning: CacheTuning;
  limits: QueryLimits;
  logger: Logger;
}

/**
 * GitHub as devgraph reaches it: per request, every key the operation asked for (repository
 * parts, teams, users) goes through the shared cache in one read; whatever is missing or stale
 * becomes ONE aliased GraphQL query (more only past the chunk limits, sent one after another as
 * GitHub asks of integrations). Stale entries are served when GitHub fails (stale-if-error).
 */
export function createGithubSource(options: GithubSourceOptions): GithubSource {
  const { client, cache, logger } = options;

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

  async function batch(keys: readonly GithubKey[]) {
    const byKey = new Map(keys.map((key) => [keyOf(key), key]));
    const requests = [...byKey].map(([key, githubKey]) => ({ key, policy: policyFor(githubKey, options.cacheTuning) }));
    const cached = await cachedBatch<GithubEntry>(cache, requests, (missing) => fetchMany(missing.map((key) => byKey.get(key)!)));
    const results = new Map<string, Loaded<unknown> | Error | null>();
    let staleServed = 0;
    let staleReason: unknown;
    for (const [key, result] of cached) {
      if (result instanceof Error) {
        results.set(key, result);
        continue;
      }
      if (result.stale) {
        staleServed++;
        staleReason = result.error;
      }
      // Not found is the loader's `null`; a found part keeps its own value, `null` included.
      results.set(key, result.value.found ? { value: result.value.value, fetchedAt: new Date(result.storedAt).toISOString(), stale: result.stale } : null);
    }
    if (staleServed > 0) {
      const reason = staleReason instanceof Error ? staleReason.message : String(staleReason);
      logger.warn({ keys: staleServed, reason }, 'GitHub failed: serving stale cached data');
    }
    return results;
  }

  return {
    createLoader: () => createLoader<GithubKey, Loaded<unknown>>(batch, { keyOf, name: 'github' }),
    async close() {
      client.close();
      await cache.close();
    },
  };
}
