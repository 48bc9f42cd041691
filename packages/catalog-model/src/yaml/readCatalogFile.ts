/**
 * One descriptor file's text -> its valid entities and its problems, without following anything.
 * Pure (no I/O), so a reload can reuse the result for a file whose content did not change.
 */
import { validateEntity } from '../entity/validateEntity';
import type { CatalogEntity, CatalogProblem } from '../types';
import { parseCatalogFile } from './parseCatalogFile';

export interface FileEntity {
  entity: CatalogEntity;
  /** 1-based line of a value inside the entity's `spec` (for Location target problems). */
  specLine(pathInSpec: readonly (string | number)[]): number;
}

export interface FileContent {
  /** Valid entities in document order (duplicates included: the traversal reports those). */
  entities: FileEntity[];
  problems: CatalogProblem[];
}

export function readCatalogFile(file: string, text: string): FileContent {
  const { documents, errors } = parseCatalogFile(text);
  const problems: CatalogProblem[] = errors.map((error) => ({
    kind: 'INVALID_YAML',
    location: file,
    documentIndex: error.documentIndex,
    ...(error.line !== undefined && { line: error.line }),
    message: `YAML document ${error.documentIndex} of ${file} cannot be parsed: ${error.message}`,
  }));
  const entities: FileEntity[] = [];
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
    // Only Locations need lines later; other entities keep just a number, so the parsed YAML
    // document (a closure over it would retain the whole tree) can be collected.
    const { line } = document;
    const specLine = entity.ref.startsWith('location:')
      ? (pathInSpec: readonly (string | number)[]) => document.lineOf(['spec', ...pathInSpec])
      : () => line;
    entities.push({ entity, specLine });
  }
  return { entities, problems };
}
