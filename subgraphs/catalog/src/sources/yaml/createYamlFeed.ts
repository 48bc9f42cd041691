/**
 * Backstage descriptor files as one of the catalog's feeds, with live reload: the configured paths and
 * everything reached through Locations are watched, and a burst of changes triggers one re-read
 * (unchanged files are not parsed again; an entity that became invalid keeps its last valid
 * version, see keepLastGood). Targets outside the allowed roots are never read (readCatalogFiles),
 * and a reload that would drop too many entities at once is held (createDropGuard).
 */
import type { Logger } from '@devgraph/runtime';
import { readCatalogFiles, type CatalogFiles, type FileState, type WatchTarget } from '@devgraph/catalog-model';
import type { CatalogEntity, CatalogProblem, SourceStatus } from '../../model/types';
import { createDropGuard } from '../createDropGuard';
import type { EntityFeed } from '../EntityFeed';
import { createFileWatcher, type FileWatcher } from './createFileWatcher';

export interface YamlFeedOptions {
  paths: string[];
  cwd: string;
  /** Off: read once at start, as before live reload existed. */
  watch: boolean;
  debounceMs: number;
  /** Directories Location targets may read besides those of `paths` (CATALOG_ALLOWED_ROOTS). */
  allowedRoots?: readonly string[];
  /** A reload removing more than this share (0-100) of the entities is held (CATALOG_MAX_DROP, default 20). */
  maxDropPercent?: number;
  /** Reloads in a row that confirm a held drop (CATALOG_DROP_CONFIRMATIONS, default 3). */
  dropConfirmations?: number;
  logger: Logger;
  now?: () => number;
}

export function createYamlFeed(options: YamlFeedOptions): EntityFeed {
  const now = options.now ?? Date.now;
  const location = options.paths.join(',');
  let last: CatalogFiles = { entities: [], problems: [], files: new Map<string, FileState>(), watchTargets: [], keptEntities: 0 };
  // The newest read while a drop is held (`last` stays what is served); its files seed the next read.
  let held: { read: CatalogFiles; problem: CatalogProblem; message: string } | undefined;
  const guard = createDropGuard({ maxDropPercent: options.maxDropPercent ?? 20, confirmations: options.dropConfirmations ?? 3, location });
  let lastSyncAt: number | undefined;
  let lastAttemptAt: number | undefined;
  let lastError: string | undefined;
  let onChange: (() => void) | undefined;
  let watcher: FileWatcher | undefined;
  // One read at a time; changes arriving during a read ask for exactly one more.
  let running: Promise<void> | undefined;
  let again = false;

  async function read(): Promise<void> {
    lastAttemptAt = now();
    try {
      const next = await readCatalogFiles({ paths: options.paths, cwd: options.cwd, previous: (held?.read ?? last).files, allowedRoots: options.allowedRoots });
      const verdict = guard.check(lastSyncAt === undefined ? undefined : last.entities.length, next.entities.length);
      if (verdict.apply) {
        last = next;
        held = undefined;
        lastSyncAt = now();
      } else {
        held = { read: next, problem: verdict.problem, message: verdict.message };
        options.logger.warn({ served: last.entities.length, read: next.entities.length }, `catalog files: ${verdict.message}`);
      }
      lastError = undefined;
    } catch (error) {
      // The reader never throws for bad input; this is a bug or the machine (EMFILE): keep serving.
      lastError = `reading the catalog files failed: ${(error as Error).message}`;
      options.logger.error({ err: error }, lastError);
    }
    watcher?.update(...watched());
  }

  // While a drop is held, both what is served and what the newest read reached: the fix may land in either.
  function watched(): [WatchTarget[], Iterable<string>] {
    if (!held) return [last.watchTargets, last.files.keys()];
    return [[...last.watchTargets, ...held.read.watchTargets], new Set([...last.files.keys(), ...held.read.files.keys()])];
  }

  async function reload(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await read();
        options.logger.info({ entities: last.entities.length, problems: last.problems.length, kept: last.keptEntities }, 'catalog files reloaded');
        onChange?.();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    kind: 'FILES',
    location,
    load: read,
    start(callback) {
      onChange = callback;
      if (!options.watch) return;
      watcher = createFileWatcher({ debounceMs: options.debounceMs, logger: options.logger, onChange: () => void reload() });
      watcher.update(...watched());
    },
    entities: (): readonly CatalogEntity[] => last.entities,
    // A held drop lists itself and what the newest read found (the typo that caused it, say).
    problems: (): readonly CatalogProblem[] => (held ? [held.problem, ...held.read.problems] : last.problems),
    status(at): SourceStatus {
      const stale = last.keptEntities > 0 || lastError !== undefined || held !== undefined;
      return {
        kind: 'FILES',
        location,
        lastSyncAt,
        lastAttemptAt,
        lastError:
          lastError ??
          held?.message ??
          (last.keptEntities > 0 ? `${last.keptEntities} entities are served from the last valid version of files that are now invalid; see catalogProblems` : undefined),
        entityCount: last.entities.length,
        stale,
        // While the watcher runs, what is served is what is on disk (give or take the debounce).
        currentAt: watcher && !stale ? at : lastSyncAt,
      };
    },
    async close() {
      watcher?.close();
      watcher = undefined;
      await running;
    },
  };
}
