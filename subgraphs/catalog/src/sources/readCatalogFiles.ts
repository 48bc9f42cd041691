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
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { describeSource } from '../model/describeSource';
import { validateEntity } from '../model/validateEntity';
import type { CatalogEntity, CatalogProblem } from '../model/types';
import { describeFsError, expandCatalogPath } from './expandCatalogPath';
import { parseCatalogFile, type ParsedDocument } from './parseCatalogFile';

export interface ReadCatalogFilesOptions {
  /** Files, directories or globs; relative ones are resolved against `cwd`. */
  paths: string[];
  cwd: string;
}

export interface CatalogFiles {
  /** Valid entities in reading order, first of each ref only, relations not computed yet. */
  entities: CatalogEntity[];
  problems: CatalogProblem[];
}

interface FoundLocation {
  entity: CatalogEntity;
  document: ParsedDocument;
}

export async function readCatalogFiles(options: ReadCatalogFilesOptions): Promise<CatalogFiles> {
  const entities = new Map<string, CatalogEntity>();
  const problems: CatalogProblem[] = [];
  const readFiles = new Set<string>();

  async function visitFile(file: string, chain: readonly string[]): Promise<void> {
    readFiles.add(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ kind: 'UNREADABLE_SOURCE', location: file, message: `${file} cannot be read (${describeFsError(error)})` });
      return;
    }
    const { documents, errors } = parseCatalogFile(text);
    for (const error of errors) {
      problems.push({
        kind: 'INVALID_YAML',
        location: file,
        documentIndex: error.documentIndex,
        ...(error.line !== undefined && { line: error.line }),
        message: `YAML document ${error.documentIndex} of ${file} cannot be parsed: ${error.message}`,
      });
    }

    const locations: FoundLocation[] = [];
    for (const document of documents) {
      const result = validateEntity(document.value, { file, documentIndex: document.index, line: document.line });
      if (!result.ok) {
        problems.push({
          kind: 'INVALID_ENTITY',
          location: file,
          documentIndex: document.index,
          line: document.lineOf(result.violations[0]?.path ?? []),
          ...(result.entityRef !== undefined && { entityRef: result.entityRef }),
          message: result.message,
        });
        continue;
      }
      const { entity } = result;
      // A duplicate Location is still followed: dropping its whole subtree would turn one
      // naming mistake into many missing entities. The duplicate itself is reported.
      if (entity.ref.startsWith('location:')) locations.push({ entity, document });
      const first = entities.get(entity.ref);
      if (first) {
        problems.push({
          kind: 'DUPLICATE_REF',
          location: file,
          documentIndex: document.index,
          line: document.line,
          entityRef: entity.ref,
          message: `${entity.ref} is declared twice: kept ${describeSource(first)}, ignored ${describeSource(entity)}`,
        });
      } else {
        entities.set(entity.ref, entity);
      }
    }

    for (const location of locations) await followLocation(location, [...chain, file]);
  }

  async function followLocation({ entity, document }: FoundLocation, chain: readonly string[]): Promise<void> {
    const file = entity.source.file;
    const label = `Location ${JSON.stringify(entity.metadata.name)}`;
    const problemAt = (pathInSpec: (string | number)[]) => ({
      location: file,
      documentIndex: document.index,
      line: document.lineOf(['spec', ...pathInSpec]),
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
      const expanded = await expandCatalogPath(target, path.dirname(file));
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
        if (!readFiles.has(next)) await visitFile(next, chain);
      }
    }
  }

  for (const configured of options.paths) {
    const expanded = await expandCatalogPath(configured, options.cwd);
    if ('error' in expanded) {
      problems.push({ kind: 'UNREADABLE_SOURCE', location: configured, message: `Catalog path ${JSON.stringify(configured)}: ${expanded.error}` });
      continue;
    }
    for (const file of expanded.files) {
      if (!readFiles.has(file)) await visitFile(file, []);
    }
  }
  return { entities: [...entities.values()], problems };
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
