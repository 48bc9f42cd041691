/**
 * A running Backstage as one of the catalog's feeds: a full sync at start and every `syncIntervalMs`
 * (by-query, cursor paging), plus per-request lookups of entities the snapshot lacks (by-refs).
 *
 * A failed sync changes nothing that is served: the last good entities stay, and the status
 * says since when and why (`stale`, `lastError`). A sync whose entities are unchanged (same uids
 * and etags) does not rebuild the index.
 */
import { redactUrl, type Logger } from '@devgraph/runtime';
import type { CatalogEntity, CatalogProblem, SourceStatus } from '../../model/types';
import type { EntityFeed } from '../EntityFeed';
import type { BackstageClient } from './createBackstageClient';
import { normaliseBackstageEntity, withDeclaredRelations } from './normaliseBackstageEntity';
import type { BackstageEntity } from './backstageWire';

export interface BackstageFeedOptions {
  baseUrl: string;
  client: BackstageClient;
  syncIntervalMs: number;
  logger: Logger;
  now?: () => number;
}

interface Mapped {
  entities: CatalogEntity[];
  problems: CatalogProblem[];
  skipped: number;
}

function mapAll(items: readonly BackstageEntity[], baseUrl: string): Mapped {
  const mapped: Mapped = { entities: [], problems: [], skipped: 0 };
  for (const item of items) {
    const result = normaliseBackstageEntity(item, baseUrl);
    if ('entity' in result) mapped.entities.push(result.entity);
    else if ('problem' in result) mapped.problems.push(result.problem);
    else mapped.skipped += 1;
  }
  return mapped;
}

/** uid + etag of every entity: Backstage changes the etag whenever an entity changes. */
const fingerprintOf = (items: readonly BackstageEntity[]) =>
  items.map((e) => `${e.metadata?.uid ?? e.metadata?.name}@${e.metadata?.etag ?? JSON.stringify(e)}`).join('\n');

export function createBackstageFeed(options: BackstageFeedOptions): EntityFeed {
  const { client, logger } = options;
  // Shown in catalogStatus, problems and entity sources: a `user:password@` in BACKSTAGE_URL must not be.
  // (URL parsing adds a trailing slash the configured URL did not have.)
  const baseUrl = options.baseUrl.endsWith('/') ? redactUrl(options.baseUrl) : redactUrl(options.baseUrl).replace(/\/$/, '');
  const now = options.now ?? Date.now;
  let data: Mapped = { entities: [], problems: [], skipped: 0 };
  let fingerprint: string | undefined;
  let lastSyncAt: number | undefined;
  let lastAttemptAt: number | undefined;
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let syncing: Promise<boolean> | undefined;

  /** Resolves true when the entities changed. */
  async function sync(): Promise<boolean> {
    lastAttemptAt = now();
    try {
      const { items, pages } = await client.listEntities();
      const next = fingerprintOf(items);
      const changed = next !== fingerprint;
      if (changed) {
        data = mapAll(items, baseUrl);
        fingerprint = next;
      }
      lastSyncAt = now();
      lastError = undefined;
      logger.info({ entities: data.entities.length, skipped: data.skipped, pages, changed }, 'Backstage catalog synced');
      return changed;
    } catch (error) {
      lastError = (error as Error).message;
      logger.warn({ err: error, lastSyncAt }, 'Backstage catalog sync failed; serving the last good snapshot');
      return false;
    }
  }

  function syncOnce(): Promise<boolean> {
    syncing ??= sync().finally(() => {
      syncing = undefined;
    });
    return syncing;
  }

  return {
    kind: 'BACKSTAGE',
    location: baseUrl,
    load: async () => void (await syncOnce()),
    start(onChange) {
      // A chain of timeouts, not an interval: a slow sync never overlaps the next one.
      const schedule = () => {
        if (closed) return;
        timer = setTimeout(async () => {
          if (await syncOnce()) onChange();
          schedule();
        }, options.syncIntervalMs);
        timer.unref();
      };
      schedule();
    },
    entities: () => data.entities,
    problems: () => data.problems,
    async lookup(refs) {
      const items = await client.getEntitiesByRefs(refs);
      return items.map((item) => {
        if (!item) return null;
        const result = normaliseBackstageEntity(item, baseUrl);
        return 'entity' in result ? withDeclaredRelations(result.entity) : null;
      });
    },
    status(): SourceStatus {
      return {
        kind: 'BACKSTAGE',
        location: baseUrl,
        lastSyncAt,
        lastAttemptAt,
        lastError,
        entityCount: data.entities.length,
        stale: lastError !== undefined || lastSyncAt === undefined,
        currentAt: lastSyncAt,
      };
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await syncing;
    },
  };
}
