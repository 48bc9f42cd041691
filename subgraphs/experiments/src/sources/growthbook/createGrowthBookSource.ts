import pLimit from 'p-limit';
import { createLoader, type BatchResults, type Cache, type Logger, type Upstream } from '@devgraph/runtime';
import type { ExperimentsRequestSource, ExperimentsSource } from '../../model/ExperimentsSource';
import type { ExperimentList, ExperimentModel, ExperimentResultsModel, FeatureFlagModel, Freshness, Stored, StoredExperimentList } from '../../model/types';
import type { GrowthBookClient } from './createGrowthBookClient';
import { cacheKeyOf, policyFor, type CacheTuning, type GrowthBookEntry, type GrowthBookKind } from './growthBookCachePolicies';
import { normaliseExperiment } from './normaliseExperiment';
import { normaliseFeature } from './normaliseFeature';
import { normaliseResults } from './normaliseResults';

export interface GrowthBookSourceOptions {
  client: GrowthBookClient;
  /** GrowthBook as an upstream: reads go through its `cached` (stale serves counted and logged). */
  upstream: Upstream;
  cache: Cache;
  cacheTuning: CacheTuning;
  /** Where `Experiment.url` and `FeatureFlag.url` point. */
  appUrl: string;
  /** The client's page cap, named in the warning when a list is cut by it. */
  maxPages: number;
  /** Results have no batch endpoint: at most this many results calls in flight per request. */
  resultsConcurrency: number;
  logger: Logger;
}

/** The lists loader's key for "every project" (`Query.experiments` without a project, owners). */
const ALL_PROJECTS = '*';

interface ResultsKey {
  experiment: ExperimentModel;
  phase: number;
}
const resultsKeyOf = ({ experiment, phase }: ResultsKey) => `${experiment.id}#${phase}`;

/**
 * GrowthBook as an ExperimentsSource: per request, one DataLoader per kind of data (a list call
 * per project however many components ask), read through the shared cache with stale-if-error.
 * Lists prime the by-id loader, so a lookup later in the same request (an `Experiment` reference) is free.
 */
export function createGrowthBookSource(options: GrowthBookSourceOptions): ExperimentsSource {
  const { client, upstream, cache, cacheTuning, appUrl, logger } = options;

  /** A cached read with its freshness marks: when GrowthBook gave the value, and whether it is served stale. */
  async function read<T>(kind: GrowthBookKind, key: string, load: () => Promise<T>): Promise<{ value: T; marks: Freshness }> {
    const result = await upstream.cached(cache, policyFor(kind, cacheTuning), key, load);
    return { value: result.value, marks: { stale: result.stale, fetchedAt: new Date(result.storedAt).toISOString() } };
  }

  /**
   * GrowthBook's "no such experiment" / "no results yet" is an answer, cached like one: it must
   * not fall back to an older stale value, nor be reported as GrowthBook failing.
   */
  async function readOrNull<T>(kind: GrowthBookKind, key: string, load: () => Promise<T | null>): Promise<(T & Freshness) | null> {
    const { value: entry, marks } = await read<GrowthBookEntry<T>>(kind, key, async () => {
      const value = await load();
      return value === null ? { found: false } : { found: true, value };
    });
    return entry.found ? { ...entry.value, ...marks } : null;
  }

  const warnIfCut = (truncated: boolean, what: string, project: string) => {
    if (truncated) logger.warn({ upstream: upstream.name, project }, `growthbook: ${what} list cut at ${options.maxPages} pages; raise GROWTHBOOK_MAX_PAGES to see more`);
  };

  const loadExperimentList = async (project: string): Promise<ExperimentList> => {
    const { value, marks } = await read<StoredExperimentList>('experiments', cacheKeyOf('experiments', project), async () => {
      const { items, truncated } = await client.listExperiments(project === ALL_PROJECTS ? null : project);
      warnIfCut(truncated, 'experiment', project);
      const experiments = items.map((e) => normaliseExperiment(e, appUrl));
      experiments.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.id.localeCompare(b.id));
      return { experiments, truncated };
    });
    return { experiments: value.experiments.map((e) => ({ ...e, ...marks })), truncated: value.truncated };
  };

  const loadExperiment = (id: string) =>
    readOrNull<Stored<ExperimentModel>>('experiment', cacheKeyOf('experiment', id), async () => {
      const gb = await client.getExperiment(id);
      return gb ? normaliseExperiment(gb, appUrl) : null;
    });

  const loadResults = ({ experiment, phase }: ResultsKey) =>
    readOrNull<Stored<ExperimentResultsModel>>('results', cacheKeyOf('results', experiment.id, phase), async () => {
      const gb = await client.getResults(experiment.id, phase);
      return gb ? normaliseResults(gb, experiment, phase) : null;
    });

  const loadFeatures = async (project: string) =>
    (
      await read<FeatureFlagModel[]>('features', cacheKeyOf('features', project), async () => {
        const { items, truncated } = await client.listFeatures(project);
        warnIfCut(truncated, 'feature', project);
        return items.map((f) => normaliseFeature(f, appUrl)).sort((a, b) => a.key.localeCompare(b.key));
      })
    ).value;

  function forRequest(): ExperimentsRequestSource {
    const byId = createLoader<string, ExperimentModel>((ids) => settleEach(ids, (id) => id, loadExperiment), { name: 'growthbook.experiment' });
    const lists = createLoader<string, ExperimentList>(
      async (projects) => {
        const results = await settleEach(projects, (project) => project, loadExperimentList);
        for (const list of results.values()) if (list && !(list instanceof Error)) for (const e of list.experiments) byId.prime(e.id, e);
        return results;
      },
      { name: 'growthbook.experiments' },
    );
    const results = createLoader<ResultsKey, ExperimentResultsModel>(
      (keys) => {
        // Per batch, so one operation over many experiments never has more than this many calls open.
        const limit = pLimit(options.resultsConcurrency);
        return settleEach(keys, resultsKeyOf, (key) => limit(() => loadResults(key)));
      },
      { name: 'growthbook.results', keyOf: resultsKeyOf },
    );
    const features = createLoader<string, FeatureFlagModel[]>((projects) => settleEach(projects, (project) => project, loadFeatures), { name: 'growthbook.features' });

    return {
      upstream: upstream.name,
      experimentsOfProject: async (project) => (await lists.load(project ?? ALL_PROJECTS)) ?? { experiments: [], truncated: false },
      experiment: (id) => byId.load(id),
      // Drafts have never been analysed; asking would cost a call for a certain "no results".
      results: (experiment, phase) => (experiment.status === 'DRAFT' ? Promise.resolve(null) : results.load({ experiment, phase })),
      featureFlagsOfProject: async (project) => (await features.load(project)) ?? [],
    };
  }

  return {
    forRequest,
    // The upstream and the cache belong to the subgraph that created them; nothing of its own to free.
    close: async () => undefined,
  };
}

/** Loads every key on its own: one key's failure is that key's error, never the whole batch's. */
async function settleEach<K, V>(keys: readonly K[], keyOf: (key: K) => string, load: (key: K) => Promise<V | null>): Promise<BatchResults<V>> {
  const settled = await Promise.allSettled(keys.map(load));
  return new Map(
    keys.map((key, i): [string, V | Error | null] => {
      const result = settled[i]!;
      if (result.status === 'fulfilled') return [keyOf(key), result.value];
      return [keyOf(key), result.reason instanceof Error ? result.reason : new Error(String(result.reason))];
    }),
  );
}
