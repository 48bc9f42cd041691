/**
 * Watches directories and calls `onChange` once a burst of relevant events has settled
 * (debounced): an editor's save is often several events (write, rename, chmod), and a checkout
 * touches many files at once; one reload covers them all.
 *
 * Directories, not files, are watched (the reader's `watchTargets` say which). An event counts
 * when it names a `.yaml`/`.yml` file, a file the last read used (a Location may name any file),
 * or nothing at all (some platforms omit the name). A directory that cannot be watched (deleted,
 * not created yet) is skipped; the next reload's `update` tries again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '@devgraph/runtime';
import type { WatchTarget } from '@devgraph/catalog-model';

export interface FileWatcher {
  /** Watch exactly these directories (deduplicated); `files` are the files the last read used. */
  update(targets: readonly WatchTarget[], files: Iterable<string>): void;
  /** How many directories are watched right now. */
  readonly size: number;
  close(): void;
}

export interface FileWatcherOptions {
  debounceMs: number;
  onChange: () => void;
  logger: Logger;
}

const RELEVANT = /\.ya?ml$/i;

export function createFileWatcher(options: FileWatcherOptions): FileWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  let usedFiles = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(options.onChange, options.debounceMs);
  };

  const keyOf = (t: WatchTarget) => `${t.recursive ? 'r' : 'f'}:${t.dir}`;

  function watch(target: WatchTarget): fs.FSWatcher | undefined {
    try {
      const watcher = fs.watch(target.dir, { recursive: target.recursive, persistent: false }, (_event, filename) => {
        const name = filename?.toString();
        if (name === undefined || RELEVANT.test(name) || usedFiles.has(path.join(target.dir, name))) schedule();
      });
      watcher.on('error', (error) => {
        // The directory went away: forget it and reload, which watches what exists now.
        options.logger.debug({ dir: target.dir, err: error }, 'catalog watch lost a directory');
        watcher.close();
        watchers.delete(keyOf(target));
        schedule();
      });
      return watcher;
    } catch (error) {
      options.logger.debug({ dir: target.dir, err: error }, 'catalog directory cannot be watched (yet)');
      return undefined;
    }
  }

  return {
    update(targets, files) {
      if (closed) return;
      usedFiles = new Set(files);
      const wanted = new Map(targets.map((t) => [keyOf(t), t]));
      for (const [key, watcher] of watchers) {
        if (!wanted.has(key)) {
          watcher.close();
          watchers.delete(key);
        }
      }
      for (const [key, target] of wanted) {
        if (watchers.has(key)) continue;
        const watcher = watch(target);
        if (watcher) watchers.set(key, watcher);
      }
    },
    get size() {
      return watchers.size;
    },
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
