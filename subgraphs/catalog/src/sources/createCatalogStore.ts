/**
 * The catalog the subgraph serves: the feeds' entities merged into one immutable CatalogIndex,
 * behind the CatalogSource port.
 *
 * A request takes the current snapshot once (`forRequest`) and reads only that. A feed change
 * builds a complete new index and then replaces the reference in one assignment, so a query sees
 * the catalog before a reload or after it, never half of one. Building is synchronous, so two
 * changes cannot interleave either.
 *
 * Merging: feeds in configuration order (files, then Backstage). A ref present in two feeds
 * keeps the first one's entity and the index reports a DUPLICATE_REF naming both places, so a
 * local YAML file can override what Backstage says, visibly.
 */
import type { Logger } from '@devgraph/runtime';
import { createCatalogIndex, type CatalogIndex } from '@devgraph/catalog-model';
import type { CatalogSource } from '../model/CatalogSource';
import type { CatalogEntity, CatalogSourcesStatus } from '../model/types';
import { createCatalogRequestSource } from './createCatalogRequestSource';
import type { EntityFeed } from './EntityFeed';

export interface CatalogStore extends CatalogSource {
  /** Load every feed, build the first index, then start watching and polling. */
  start(): Promise<void>;
  /** The index being served now (for the start-up log line). */
  current(): CatalogIndex;
}

export interface CatalogStoreOptions {
  feeds: EntityFeed[];
  logger: Logger;
  now?: () => number;
}

interface Snapshot {
  index: CatalogIndex;
  /** When this index was built (epoch ms). */
  builtAt: number;
}

export function createCatalogStore(options: CatalogStoreOptions): CatalogStore {
  const { feeds, logger } = options;
  const now = options.now ?? Date.now;
  let snapshot: Snapshot = { index: createCatalogIndex([]), builtAt: now() };

  function rebuild(): void {
    const started = now();
    const index = createCatalogIndex(
      feeds.flatMap((f) => f.entities()),
      feeds.flatMap((f) => f.problems()),
    );
    snapshot = { index, builtAt: now() };
    logger.info({ entities: index.size, problems: index.problems.length, ms: snapshot.builtAt - started }, 'catalog index built');
  }

  const lookupFeeds = feeds.filter((f) => f.lookup);
  const lookup =
    lookupFeeds.length === 0
      ? undefined
      : async (refs: readonly string[]) => {
          let found: (CatalogEntity | null)[] = refs.map(() => null);
          for (const feed of lookupFeeds) {
            const missing = refs.filter((_, i) => found[i] === null);
            if (missing.length === 0) break;
            const answers = await feed.lookup!(missing);
            let next = 0;
            found = found.map((entity) => entity ?? answers[next++] ?? null);
          }
          return found;
        };

  function status(): CatalogSourcesStatus {
    const at = now();
    const statuses = feeds.map((f) => f.status(at));
    const oldest = (values: (number | undefined)[]) => (values.some((v) => v === undefined) ? undefined : Math.min(...(values as number[])));
    return {
      sources: statuses,
      lastSyncAt: oldest(statuses.map((s) => s.lastSyncAt)),
      currentAt: oldest(statuses.map((s) => s.currentAt)),
      stale: statuses.some((s) => s.stale),
    };
  }

  return {
    forRequest: () => createCatalogRequestSource({ index: snapshot.index, builtAt: snapshot.builtAt, lookup, status }),
    current: () => snapshot.index,
    async start() {
      await Promise.all(feeds.map((f) => f.load()));
      rebuild();
      for (const problem of snapshot.index.problems) logger.warn({ problem }, `catalog problem: ${problem.message}`);
      for (const feed of feeds) feed.start(rebuild);
    },
    async close() {
      await Promise.all(feeds.map((f) => f.close()));
    },
  };
}
