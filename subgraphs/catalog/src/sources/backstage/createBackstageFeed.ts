/**
 * A running Backstage as one of the catalog's feeds: a full sync at start and every `syncIntervalMs`
 * (by-query, cursor paging), plus per-request lookups of entities the snapshot lacks (by-refs).
 *
 * A failed sync changes nothing that is served: the last good entities stay, and the status
 * says since when and why (`stale`, `lastError`). A sync whose entities are unchanged (same uids
 * and etags) does not rebuild the index. A sync that would drop more than `maxDropPercent` of the
 * entities at once (a misconfigured provider, an emptied location) is held like the files' one
 * (createDropGuard): the last good snapshot stays, marked stale, with a MASS_DROP problem, until
 * `dropConfirmations` syncs in a row show it.
 */
import { redactUrl, type Logger } from '@devgraph/runtime';
import type { CatalogEntity, CatalogProblem, SourceStatus } from '../../model/types';
import type { EntityFeed } from '../EntityFeed';
import { createDropGuard } from '../createDropGuard';
import type { BackstageClient } from './createBackstageClient';
import { normaliseBackstageEntity, withDeclaredRelations } from './normaliseBackstageEntity';
import type { BackstageEntity } from './backstageWire';

export interface BackstageFeedOptions {
  baseUrl: string;
  client: BackstageClient;
  syncIntervalMs: number;
  /** A sync removing more than this share (0-100) of the entities is held (CATALOG_MAX_DROP, default 20). */
  maxDropPercent?: number;
  /** Syncs in a row that confirm a held drop (CATALOG_DROP_CONFIRMATIONS, default 3). */
  dropConfirmations?: number;
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
  const confirmations = options.dropConfirmations ?? 3;
  const guard = createDropGuard({
    maxDropPercent: options.maxDropPercent ?? 20,
    confirmations,
    location: baseUrl,
    reload: `wait for the next sync${confirmations > 2 ? 's' : ''} (BACKSTAGE_SYNC_INTERVAL_MS)`,
  });
  // The problem of a held drop, while what is served is the last good snapshot.
  let held: { problem: CatalogProblem; message: string } | undefined;

  /** Resolves true when what is served changed: the entities, or a held drop's problem. */
  async function sync(): Promise<boolean> {
    lastAttemptAt = now();
    try {
      const { items, pages } = await client.listEntities();
      const next = fingerprintOf(items);
      const changed = next !== fingerprint;
      const mapped = changed ? mapAll(items, baseUrl) : data;
      const verdict = guard.check(lastSyncAt === undefined ? undefined : data.entities.length, mapped.entities.length);
      lastError = undefined;
      if (!verdict.apply) {
        // What is served stays; its problems change when the hold starts or its count does.
        const problemsChanged = held?.message !== verdict.message;
        held = { problem: verdict.problem, message: verdict.message };
        logger.warn({ served: data.entities.length, read: mapped.entities.length }, `Backstage catalog: ${verdict.message}`);
        return problemsChanged;
      }
      const wasHeld = held !== undefined;
      held = undefined;
      data = mapped;
      fingerprint = next;
      lastSyncAt = now();
      logger.info({ entities: data.entities.length, skipped: data.skipped, pages, changed }, 'Backstage catalog synced');
      return changed || wasHeld;
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
    // A held drop lists itself first.
    problems: () => (held ? [held.problem, ...data.problems] : data.problems),
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
        lastError: lastError ?? held?.message,
        entityCount: data.entities.length,
        stale: lastError !== undefined || lastSyncAt === undefined || held !== undefined,
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
