/**
 * The catalog the subgraph serves: the sources' entities merged into one immutable CatalogIndex.
 *
 * Requests take `current()` once, in the context factory, and read only that snapshot. A source
 * change builds a complete new index and then replaces the reference in one assignment, so a
 * query sees the catalog before a reload or after it, never half of one. Building is synchronous,
 * so two changes cannot interleave either.
 *
 * Merging: sources in configuration order (files, then Backstage). A ref present in two sources
 * keeps the first one's entity and the index reports a DUPLICATE_REF naming both places, so a
 * local YAML file can override what Backstage says, visibly.
 */
import type { Logger } from '@devgraph/runtime';
import { createCatalogIndex, type CatalogIndex } from '../model/createCatalogIndex';
import type { CatalogEntity } from '../model/types';
import type { CatalogSource, CatalogSourceStatus } from './CatalogSource';

export interface CatalogSnapshot {
  index: CatalogIndex;
  /** When this index was built (epoch ms). */
  builtAt: number;
}

export interface CatalogStoreStatus {
  sources: CatalogSourceStatus[];
  /** Oldest lastSyncAt among sources; undefined until every source has loaded once. */
  lastSyncAt?: number;
  /** Oldest "known current at" among sources: how old the served data may be. */
  currentAt?: number;
  stale: boolean;
}

export interface CatalogStore {
  /** The snapshot to serve; take it once per request. */
  current(): CatalogSnapshot;
  status(): CatalogStoreStatus;
  /** Entities missing from the snapshot, from the sources that can look them up per request. */
  readonly lookup?: (refs: readonly string[]) => Promise<(CatalogEntity | null)[]>;
  /** Load every source, build the first index, then start watching and polling. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface CatalogStoreOptions {
  sources: CatalogSource[];
  logger: Logger;
  now?: () => number;
}

export function createCatalogStore(options: CatalogStoreOptions): CatalogStore {
  const { sources, logger } = options;
  const now = options.now ?? Date.now;
  let snapshot: CatalogSnapshot = { index: createCatalogIndex([]), builtAt: now() };

  function rebuild(): void {
    const started = now();
    const index = createCatalogIndex(
      sources.flatMap((s) => s.entities()),
      sources.flatMap((s) => s.problems()),
    );
    snapshot = { index, builtAt: now() };
    logger.info({ entities: index.size, problems: index.problems.length, ms: snapshot.builtAt - started }, 'catalog index built');
  }

  const lookupSources = sources.filter((s) => s.lookup);
  const lookup =
    lookupSources.length === 0
      ? undefined
      : async (refs: readonly string[]) => {
          let found: (CatalogEntity | null)[] = refs.map(() => null);
          for (const source of lookupSources) {
            const missing = refs.filter((_, i) => found[i] === null);
            if (missing.length === 0) break;
            const answers = await source.lookup!(missing);
            let next = 0;
            found = found.map((entity) => entity ?? answers[next++] ?? null);
          }
          return found;
        };

  return {
    current: () => snapshot,
    lookup,
    status() {
      const at = now();
      const statuses = sources.map((s) => s.status(at));
      const oldest = (values: (number | undefined)[]) => (values.some((v) => v === undefined) ? undefined : Math.min(...(values as number[])));
      return {
        sources: statuses,
        lastSyncAt: oldest(statuses.map((s) => s.lastSyncAt)),
        currentAt: oldest(statuses.map((s) => s.currentAt)),
        stale: statuses.some((s) => s.stale),
      };
    },
    async start() {
      await Promise.all(sources.map((s) => s.load()));
      rebuild();
      for (const problem of snapshot.index.problems) logger.warn({ problem }, `catalog problem: ${problem.message}`);
      for (const source of sources) source.start(rebuild);
    },
    async close() {
      await Promise.all(sources.map((s) => s.close()));
    },
  };
}
