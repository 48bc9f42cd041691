import type DataLoader from 'dataloader';
import { cached, createLoader, createUpstreamCaller, type Cache, type CachePolicy, type Logger, type Metrics } from '@devgraph/runtime';
import type { ExperimentsRequestSource, ExperimentsSource } from '../../model/ExperimentsSource';
import type { ExperimentList, ExperimentModel, ExperimentResultsModel, FeatureFlagModel } from '../../model/types';
import { mapWithConcurrency } from '../mapWithConcurrency';
import { GROWTHBOOK, createGrowthBookClient } from './createGrowthBookClient';
import { normaliseExperiment } from './normaliseExperiment';
import { normaliseFeature } from './normaliseFeature';
import { normaliseResults } from './normaliseResults';

export interface GrowthBookSourceOptions {
  apiUrl: string;
  apiKey?: string;
  /** Where `Experiment.url` and `FeatureFlag.url` point. */
  appUrl: string;
  timeoutMs: number;
  retries: number;
  maxPages: number;
  /** Results have no batch endpoint: at most this many results calls in flight per request. */
  resultsConcurrency: number;
  cache: Cache;
  /** Fresh time of experiment lists, single experiments and feature lists. */
  metadataTtlSeconds: number;
  /** Fresh time of results; longer, because GrowthBook recomputes them on a schedule (hours). */
  resultsTtlSeconds: number;
  /** How long past freshness anything may still be served when GrowthBook fails. */
  staleSeconds: number;
  logger: Logger;
  metrics?: Metrics;
  fetch?: typeof fetch;
  /** Clock for the cache (tests move it instead of waiting). */
  now?: () => number;
  retryBaseDelayMs?: number;
}

/** Bump the version when a cached model's shape changes: a new release then reads only its own keys. */
const CACHE_VERSION = 1;
const ALL_PROJECTS = '*';

/** Thrown inside a cached load so "nothing there" is not stored, and stale data can still answer. */
class Missing extends Error {}

/**
 * GrowthBook as an ExperimentsSource: per request, one DataLoader per kind of data (a list call
 * per project however many components ask), read through the shared cache with stale-if-error.
 * Lists prime the by-id loader, so a lookup later in the same request (an `Experiment` reference) is free.
 */
export function createGrowthBookSource(options: GrowthBookSourceOptions): ExperimentsSource {
  const { logger } = options;
  const caller = createUpstreamCaller({
    upstream: GROWTHBOOK,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    baseDelayMs: options.retryBaseDelayMs ?? 200,
    maxDelayMs: 5_000,
    onEvent: (event) => {
      if (event.type.startsWith('circuit') || event.type === 'give-up') logger.warn({ upstreamEvent: { type: event.type, upstream: event.upstream } }, `growthbook: ${event.type}`);
      else logger.debug({ upstreamEvent: { type: event.type } }, `growthbook: ${event.type}`);
    },
  });
  const client = createGrowthBookClient({
    apiUrl: options.apiUrl,
    apiKey: options.apiKey,
    caller,
    maxPages: options.maxPages,
    fetch: options.fetch,
    onResponse: (status) => options.metrics?.upstreamCalls.inc({ upstream: GROWTHBOOK, outcome: status < 400 ? 'ok' : String(status) }),
  });
  const policy = (ttlSeconds: number): CachePolicy => ({ namespace: GROWTHBOOK, version: CACHE_VERSION, ttlSeconds, staleSeconds: options.staleSeconds });
  const metadata = policy(options.metadataTtlSeconds);
  const resultsPolicy = policy(options.resultsTtlSeconds);

  async function read<T>(p: CachePolicy, key: string, load: () => Promise<T>): Promise<T> {
    const result = await cached(options.cache, p, key, load, { now: options.now });
    if (result.stale) logger.warn({ key, storedAt: result.storedAt, reason: (result.error as Error | undefined)?.message }, 'growthbook failed; served stale data');
    return result.value;
  }

  async function readOrNull<T>(p: CachePolicy, key: string, load: () => Promise<T | null>): Promise<T | null> {
    try {
      return await read(p, key, async () => {
        const value = await load();
        if (value === null) throw new Missing(key);
        return value;
      });
    } catch (error) {
      if (error instanceof Missing) return null;
      throw error;
    }
  }

  const loadList = (project: string) =>
    read<ExperimentList>(metadata, `experiments:${project}`, async () => {
      const { items, truncated } = await client.listExperiments(project === ALL_PROJECTS ? null : project);
      if (truncated) logger.warn({ project }, `growthbook: experiment list cut at ${options.maxPages} pages; raise GROWTHBOOK_MAX_PAGES to see more`);
      const experiments = items.map((e) => normaliseExperiment(e, options.appUrl));
      experiments.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.id.localeCompare(b.id));
      return { experiments, truncated };
    });

  function forRequest(): ExperimentsRequestSource {
    const byId: DataLoader<string, ExperimentModel | null, string> = createLoader<string, ExperimentModel>(
      async (ids) => {
        const settled = await Promise.allSettled(ids.map((id) => readOrNull(metadata, `experiment:${id}`, async () => {
          const gb = await client.getExperiment(id);
          return gb ? normaliseExperiment(gb, options.appUrl) : null;
        })));
        return new Map(ids.map((id, i) => [id, settledValue(settled[i]!)]));
      },
      { name: 'growthbook.experiment' },
    );
    const lists = createLoader<string, ExperimentList>(
      async (projects) => {
        const settled = await Promise.allSettled(projects.map(loadList));
        return new Map(
          projects.map((project, i) => {
            const value = settledValue(settled[i]!);
            if (value && !(value instanceof Error)) for (const e of value.experiments) byId.prime(e.id, e);
            return [project, value];
          }),
        );
      },
      { name: 'growthbook.experiments' },
    );
    const results = createLoader<{ experiment: ExperimentModel; phase: number }, ExperimentResultsModel>(
      async (keys) => {
        const settled = await mapWithConcurrency(keys, options.resultsConcurrency, ({ experiment, phase }) =>
          readOrNull(resultsPolicy, `results:${experiment.id}:${phase}`, async () => {
            const gb = await client.getResults(experiment.id, phase);
            return gb ? normaliseResults(gb, experiment, phase) : null;
          }),
        );
        return new Map(keys.map((k, i) => [`${k.experiment.id}#${k.phase}`, settledValue(settled[i]!)]));
      },
      { name: 'growthbook.results', keyOf: (k) => `${k.experiment.id}#${k.phase}` },
    );
    const features = createLoader<string, FeatureFlagModel[]>(
      async (projects) => {
        const settled = await Promise.allSettled(projects.map((project) =>
          read(metadata, `features:${project}`, async () => {
            const { items, truncated } = await client.listFeatures(project);
            if (truncated) logger.warn({ project }, `growthbook: feature list cut at ${options.maxPages} pages`);
            return items.map((f) => normaliseFeature(f, options.appUrl)).sort((a, b) => a.key.localeCompare(b.key));
          })));
        return new Map(projects.map((p, i) => [p, settledValue(settled[i]!)]));
      },
      { name: 'growthbook.features' },
    );

    return {
      upstream: GROWTHBOOK,
      experimentsOfProject: async (project) => (await lists.load(project ?? ALL_PROJECTS)) ?? { experiments: [], truncated: false },
      experiment: (id) => byId.load(id),
      // Drafts have never been analysed; asking would cost a call for a certain "no results".
      results: (experiment, phase) => (experiment.status === 'DRAFT' ? Promise.resolve(null) : results.load({ experiment, phase })),
      featureFlagsOfProject: async (project) => (await features.load(project)) ?? [],
    };
  }

  return {
    forRequest,
    async close() {
      caller.close();
    },
  };
}

function settledValue<T>(result: PromiseSettledResult<T>): T | Error {
  if (result.status === 'fulfilled') return result.value;
  return result.reason instanceof Error ? result.reason : new Error(String(result.reason));
}
