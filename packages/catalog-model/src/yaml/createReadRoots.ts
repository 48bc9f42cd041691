/**
 * The directories the catalog may read from, like Backstage's `reading.allow` list: a Location is
 * written by whoever can commit a descriptor, and without a fence `target: /etc/passwd` (or
 * `../../`, or a symlink out of the repository) would make the server read any file it can open
 * and quote it back in `catalogProblems`.
 *
 * The roots are the directories of the configured paths (a file's directory, a directory itself,
 * a glob's fixed part before its first wildcard) plus any extra ones the operator names: the
 * operator trusts what they configured, the fence is for what descriptors point at. Paths
 * are compared twice: as written (before touching the disk, so a refused target is not even
 * probed for existence) and after resolving symlinks (so a link inside a root that points out of
 * it is refused too).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';

export interface ReadRoots {
  /** Whether `absolute`, as written (no symlinks resolved), lies inside a root. */
  containsPath(absolute: string): boolean;
  /** Whether the file, with every symlink resolved, lies inside a root. A file that cannot be resolved is refused. */
  containsFile(absolute: string): Promise<boolean>;
}

/** The fixed directory of a glob: its segments before the first one with a wildcard. */
export function staticBaseOf(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  // An absolute pattern starts with an empty segment, which fast-glob refuses to judge.
  const first = segments.findIndex((segment) => segment !== '' && fg.isDynamicPattern(segment));
  const fixed = first === -1 ? segments : segments.slice(0, first);
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

/** The directory a configured path or Location target reads below, relative to `baseDir` unless absolute. */
export function targetBase(target: string, baseDir: string): string {
  return path.resolve(baseDir, fg.isDynamicPattern(target) ? staticBaseOf(target) : target);
}

const isInside = (child: string, root: string) => {
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** A configured file that is itself a link is the operator's choice: its target's directory is a root too. */
async function rootsOf(configured: string, cwd: string): Promise<string[]> {
  const base = targetBase(configured, cwd);
  if (fg.isDynamicPattern(configured)) return [base];
  try {
    if ((await stat(base)).isDirectory()) return [base];
    return [path.dirname(base), path.dirname(await realpath(base))];
  } catch {
    // Not there (yet): its directory is where it would be read from.
    return [path.dirname(base)];
  }
}

async function resolved(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch {
    return dir;
  }
}

/** Roots from the configured paths (relative to `cwd`) and `extraRoots` (also relative to `cwd`). */
export async function createReadRoots(paths: readonly string[], cwd: string, extraRoots: readonly string[] = []): Promise<ReadRoots> {
  const written = [...(await Promise.all(paths.map((p) => rootsOf(p, cwd)))).flat(), ...extraRoots.map((r) => path.resolve(cwd, r))];
  // Both forms count: a root reached through a symlink (/tmp -> /private/tmp) is the same root.
  const roots = [...new Set([...written, ...(await Promise.all(written.map(resolved)))])];
  return {
    containsPath: (absolute) => roots.some((root) => isInside(path.resolve(absolute), root)),
    async containsFile(absolute) {
      let real: string;
      try {
        real = await realpath(absolute);
      } catch {
        return false;
      }
      return roots.some((root) => isInside(real, root));
    },
  };
}
