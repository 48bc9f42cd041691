/**
 * Reads Backstage descriptor files from disk into entities and problems. Never throws for bad
 * input: every file, document and Location target that cannot be used becomes a problem and the
 * rest still loads.
 *
 * Location entities are kept as entities AND followed, depth-first, right after the file that
 * declares them (Backstage's LocationEntityProcessor, limited to local files): targets are
 * relative to the Location's file, may be globs or directories, and each file is read once per
 * call however often it is reached. An explicit target that leads back to a file on its own chain
 * of Locations is a LOCATION_CYCLE; a glob or directory that happens to match such a file (e.g.
 * `./**\/*.yaml` matching the Location's own file) is not, it is just not read twice.
 *
 * Nothing is read outside the allowed roots (createReadRoots: the configured paths' directories
 * plus `allowedRoots`): a target that points elsewhere, by an absolute path, `../` or a symlink,
 * is an UNREADABLE_SOURCE problem naming the target as written, and the file is never opened.
 *
 * For live reload, a read can be given the per-file state of the previous read: unchanged files
 * are not parsed again, and an entity that became invalid keeps its previous version
 * (see keepLastGood). The result says which directories to watch.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { describeSource } from '../entity/describeSource';
import type { CatalogEntity, CatalogProblem } from '../types';
import { createReadRoots, targetBase } from './createReadRoots';
import { describeFsError, expandCatalogPath } from './expandCatalogPath';
import { keepLastGood } from './keepLastGood';
import { readCatalogFile, type FileContent, type FileEntity } from './readCatalogFile';
import { watchTargetFor, type WatchTarget } from './watchTargetFor';

export interface ReadCatalogFilesOptions {
  /** Files, directories or globs; relative ones are resolved against `cwd`. */
  paths: string[];
  cwd: string;
  /** `files` of the previous read, for live reload. */
  previous?: ReadonlyMap<string, FileState>;
  /** Directories Location targets may read from besides those of `paths` (CATALOG_ALLOWED_ROOTS); relative to `cwd`. */
  allowedRoots?: readonly string[];
}

/** What one read knew about one file. */
export interface FileState {
  /** Of the file's text: an unchanged file is not parsed again. */
  hash: string;
  content: FileContent;
  /** The entities served from this file (the new read's, plus any kept from before). */
  served: FileEntity[];
}

export interface CatalogFiles {
  /** Valid entities in reading order, first of each ref only, relations not computed yet. */
  entities: CatalogEntity[];
  problems: CatalogProblem[];
  /** Every file read, by absolute path. */
  files: Map<string, FileState>;
  /** Directories whose changes may change the result. */
  watchTargets: WatchTarget[];
  /** Entities served from an earlier version of a file that is now invalid. */
  keptEntities: number;
}

export async function readCatalogFiles(options: ReadCatalogFilesOptions): Promise<CatalogFiles> {
  const entities = new Map<string, CatalogEntity>();
  const problems: CatalogProblem[] = [];
  const files = new Map<string, FileState>();
  const watchTargets: WatchTarget[] = [];
  let keptEntities = 0;
  const roots = await createReadRoots(options.paths, options.cwd, options.allowedRoots);
  const OUTSIDE = 'it resolves outside the directories the catalog may read (those of CATALOG_PATHS and CATALOG_ALLOWED_ROOTS); nothing was read';

  async function visitFile(file: string, chain: readonly string[]): Promise<void> {
    // Registered before reading, so a Location leading back here is seen as a cycle.
    files.set(file, { hash: '', content: { entities: [], problems: [] }, served: [] });
    watchTargets.push({ dir: path.dirname(file), recursive: false });
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ kind: 'UNREADABLE_SOURCE', location: file, message: `${file} cannot be read (${describeFsError(error)})` });
      return;
    }
    const hash = createHash('sha1').update(text).digest('base64');
    const before = options.previous?.get(file);
    const content = before && before.hash === hash ? before.content : readCatalogFile(file, text);
    const { served, problems: fileProblems, kept } = keepLastGood(content, before?.served);
    files.set(file, { hash, content, served });
    problems.push(...fileProblems);
    keptEntities += kept;

    const locations: FileEntity[] = [];
    for (const found of served) {
      const { entity } = found;
      // A duplicate Location is still followed: dropping its whole subtree would turn one
      // naming mistake into many missing entities. The duplicate itself is reported.
      if (entity.ref.startsWith('location:')) locations.push(found);
      const first = entities.get(entity.ref);
      if (first) {
        problems.push({
          kind: 'DUPLICATE_REF',
          location: file,
          documentIndex: entity.source.documentIndex,
          ...(entity.source.line !== undefined && { line: entity.source.line }),
          entityRef: entity.ref,
          message: `${entity.ref} is declared twice: kept ${describeSource(first)}, ignored ${describeSource(entity)}`,
        });
      } else {
        entities.set(entity.ref, entity);
      }
    }

    for (const location of locations) await followLocation(location, [...chain, file]);
  }

  async function followLocation({ entity, specLine }: FileEntity, chain: readonly string[]): Promise<void> {
    const file = entity.source.file;
    const label = `Location ${JSON.stringify(entity.metadata.name)}`;
    const problemAt = (pathInSpec: (string | number)[]) => ({
      location: file,
      documentIndex: entity.source.documentIndex,
      line: specLine(pathInSpec),
      entityRef: entity.ref,
    });

    for (const { target, field, pathInSpec } of targetsOf(entity.spec)) {
      const type = entity.spec.type ?? 'file';
      const unsupported =
        type !== 'file'
          ? `type ${JSON.stringify(type)} is not supported`
          : /^[a-z][a-z0-9+.-]*:\/\//i.test(target)
            ? 'it is a URL'
            : undefined;
      if (unsupported) {
        problems.push({
          kind: 'UNREADABLE_SOURCE',
          ...problemAt(pathInSpec),
          message: `${label}: ${field} ${JSON.stringify(target)} is not followed: ${unsupported}; devgraph reads local files only (type "file" or no type), nothing is fetched`,
        });
        continue;
      }
      // Refused before the disk is touched: whether the file exists is nobody's business either.
      if (!roots.containsPath(targetBase(target, path.dirname(file)))) {
        problems.push({ kind: 'UNREADABLE_SOURCE', ...problemAt(pathInSpec), message: `${label}: ${field} ${JSON.stringify(target)} is not followed: ${OUTSIDE}` });
        continue;
      }
      const expanded = await expandCatalogPath(target, path.dirname(file));
      watchTargets.push(watchTargetFor(target, path.dirname(file), isDirectoryTarget(expanded, target, path.dirname(file))));
      if ('error' in expanded) {
        problems.push({ kind: 'UNREADABLE_SOURCE', ...problemAt(pathInSpec), message: `${label}: ${field} ${JSON.stringify(target)}: ${expanded.error}` });
        continue;
      }
      const explicit = !fg.isDynamicPattern(target) && expanded.files.length === 1 && expanded.files[0] === path.resolve(path.dirname(file), target);
      for (const next of expanded.files) {
        if (chain.includes(next)) {
          if (explicit) {
            problems.push({
              kind: 'LOCATION_CYCLE',
              ...problemAt(pathInSpec),
              message: `${label}: ${field} ${JSON.stringify(target)} leads back to ${next}, which is already being read: ${[...chain, next].join(' -> ')}`,
            });
          }
          continue;
        }
        if (files.has(next)) continue;
        // A symlink (the file itself or a directory on its way) may lead out of the roots.
        if (!(await roots.containsFile(next))) {
          problems.push({ kind: 'UNREADABLE_SOURCE', ...problemAt(pathInSpec), message: `${label}: ${field} ${JSON.stringify(target)} is not followed to ${path.basename(next)}: ${OUTSIDE}` });
          continue;
        }
        await visitFile(next, chain);
      }
    }
  }

  for (const configured of options.paths) {
    const expanded = await expandCatalogPath(configured, options.cwd);
    watchTargets.push(watchTargetFor(configured, options.cwd, isDirectoryTarget(expanded, configured, options.cwd)));
    if ('error' in expanded) {
      problems.push({ kind: 'UNREADABLE_SOURCE', location: configured, message: `Catalog path ${JSON.stringify(configured)}: ${expanded.error}` });
      continue;
    }
    for (const file of expanded.files) {
      if (files.has(file)) continue;
      if (!(await roots.containsFile(file))) {
        problems.push({ kind: 'UNREADABLE_SOURCE', location: configured, message: `Catalog path ${JSON.stringify(configured)}: ${path.basename(file)} is a link that ${OUTSIDE}` });
        continue;
      }
      await visitFile(file, []);
    }
  }
  return { entities: [...entities.values()], problems, files, watchTargets, keptEntities };
}

/** A plain path that expanded to something other than itself was a directory. */
function isDirectoryTarget(expanded: Awaited<ReturnType<typeof expandCatalogPath>>, target: string, baseDir: string): boolean {
  if (fg.isDynamicPattern(target) || 'error' in expanded) return false;
  return !(expanded.files.length === 1 && expanded.files[0] === path.resolve(baseDir, target));
}

/** spec.target and spec.targets, with where each one was written (validated as strings already). */
function targetsOf(spec: Record<string, unknown>): { target: string; field: string; pathInSpec: (string | number)[] }[] {
  const found: { target: string; field: string; pathInSpec: (string | number)[] }[] = [];
  if (typeof spec.target === 'string') found.push({ target: spec.target, field: 'spec.target', pathInSpec: ['target'] });
  if (Array.isArray(spec.targets)) {
    spec.targets.forEach((target: unknown, i) => {
      if (typeof target === 'string') found.push({ target, field: `spec.targets[${i}]`, pathInSpec: ['targets', i] });
    });
  }
  return found;
}
