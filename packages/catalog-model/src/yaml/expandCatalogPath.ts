/**
 * One configured path or Location target -> the descriptor files it names, sorted so that
 * "first read wins" is the same on every machine and every run.
 *
 * - a glob (`services/*\/catalog-info.yaml`) -> the files it matches, whatever their extension;
 * - a directory -> every `*.yaml` / `*.yml` below it (node_modules and dot-folders skipped);
 * - a file -> itself.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';

export type ExpandedPath = { files: string[] } | { error: string };

/** `target` relative to `baseDir` unless absolute; never throws. */
export async function expandCatalogPath(target: string, baseDir: string): Promise<ExpandedPath> {
  if (fg.isDynamicPattern(target)) {
    const pattern = path.isAbsolute(target)
      ? target
      : path.posix.join(fg.convertPathToPattern(baseDir), target.split(path.sep).join('/'));
    const files = await glob([pattern], {});
    if ('error' in files) return files;
    return files.files.length > 0 ? files : { error: `the pattern ${pattern} matches no files` };
  }

  const absolute = path.resolve(baseDir, target);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(absolute)).isDirectory();
  } catch (error) {
    return { error: `${absolute} cannot be read (${describeFsError(error)})` };
  }
  if (!isDirectory) return { files: [absolute] };

  const files = await glob(['**/*.yaml', '**/*.yml'], { cwd: absolute, ignore: ['**/node_modules/**'] });
  if ('error' in files) return files;
  return files.files.length > 0 ? files : { error: `the directory ${absolute} contains no .yaml or .yml files` };
}

async function glob(patterns: string[], options: fg.Options): Promise<ExpandedPath> {
  try {
    const files = await fg.glob(patterns, { ...options, absolute: true, onlyFiles: true, dot: false });
    return { files: files.map((file) => path.resolve(file)).sort() };
  } catch (error) {
    return { error: `listing ${patterns.join(', ')} failed (${describeFsError(error)})` };
  }
}

export function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ? `${code}: ${message.replace(/^\w+: /, '')}` : String(message ?? error);
}
