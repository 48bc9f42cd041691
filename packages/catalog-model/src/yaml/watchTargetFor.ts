/**
 * Which directory to watch so that a configured path or Location target notices edits, atomic
 * replaces and new files. Directories are watched rather than files: editors that save by
 * writing a temporary file and renaming it over the original replace the inode a file watch
 * would hold, while the directory sees the rename.
 */
import path from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';

export interface WatchTarget {
  dir: string;
  /** Subdirectories too (directory targets, and globs that reach below their base). */
  recursive: boolean;
}

/** `target` as written (relative to `baseDir` unless absolute) -> the directory that covers it. */
export function watchTargetFor(target: string, baseDir: string, isDirectory: boolean): WatchTarget {
  if (fg.isDynamicPattern(target)) {
    const { base, glob } = picomatch.scan(target.split(path.sep).join('/'));
    return { dir: path.resolve(baseDir, base || '.'), recursive: glob.includes('/') || glob.includes('**') };
  }
  const absolute = path.resolve(baseDir, target);
  return isDirectory ? { dir: absolute, recursive: true } : { dir: path.dirname(absolute), recursive: false };
}
