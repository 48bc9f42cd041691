/**
 * Backstage descriptor files as one of the catalog's feeds, with live reload: the configured paths and
 * everything reached through Locations are watched, and a burst of changes triggers one re-read
 * (unchanged files are not parsed again; an entity that became invalid keeps its last valid
 * version, see keepLastGood).
 */
import type { Logger } from '@devgraph/runtime';
import { readCatalogFiles, type CatalogFiles, type FileState } from '@devgraph/catalog-model';
import type { CatalogEntity, CatalogProblem, SourceStatus } from '../../model/types';
import type { EntityFeed } from '../EntityFeed';
import { createFileWatcher, type FileWatcher } from './createFileWatcher';

export interface YamlFeedOptions {
  paths: string[];
  cwd: string;
  /** Off: read once at start, as before live reload existed. */
  watch: boolean;
  debounceMs: number;
  logger: Logger;
  now?: () => number;
}

export function createYamlFeed(options: YamlFeedOptions): EntityFeed {
  const now = options.now ?? Date.now;
  const location = options.paths.join(',');
  let last: CatalogFiles = { entities: [], problems: [], files: new Map<string, FileState>(), watchTargets: [], keptEntities: 0 };
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
      last = await readCatalogFiles({ paths: options.paths, cwd: options.cwd, previous: last.files });
      lastSyncAt = now();
      lastError = undefined;
    } catch (error) {
      // The reader never throws for bad input; this is a bug or the machine (EMFILE): keep serving.
      lastError = `reading the catalog files failed: ${(error as Error).message}`;
      options.logger.error({ err: error }, lastError);
    }
    watcher?.update(last.watchTargets, last.files.keys());
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
      watcher.update(last.watchTargets, last.files.keys());
    },
    entities: (): readonly CatalogEntity[] => last.entities,
    problems: (): readonly CatalogProblem[] => last.problems,
    status(at): SourceStatus {
      const stale = last.keptEntities > 0 || lastError !== undefined;
      return {
        kind: 'FILES',
        location,
        lastSyncAt,
        lastAttemptAt,
        lastError:
          lastError ?? (last.keptEntities > 0 ? `${last.keptEntities} entities are served from the last valid version of files that are now invalid; see catalogProblems` : undefined),
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
