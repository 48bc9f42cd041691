/**
 * Live reload's rule for a file that became invalid: an entity that can no longer be read keeps
 * the version served before, and the problem says so; every valid entity of the new read applies.
 *
 * - A YAML error hides which entities the broken document held, so every entity served from the
 *   file before and absent from the new read stays (a document deleted in the same edit stays too,
 *   until the file parses again).
 * - An invalid entity whose ref is readable keeps exactly its previous version; one whose ref is
 *   not readable is treated like a YAML error.
 * - A file without errors replaces its entities wholesale: deletions apply.
 */
import type { CatalogProblem } from '../types';
import type { FileContent, FileEntity } from './readCatalogFile';

export interface KeptFile {
  served: FileEntity[];
  problems: CatalogProblem[];
  /** How many entities are served from an earlier version of the file. */
  kept: number;
}

export function keepLastGood(content: FileContent, previous: readonly FileEntity[] | undefined): KeptFile {
  if (!previous || previous.length === 0 || content.problems.length === 0) {
    return { served: content.entities, problems: content.problems, kept: 0 };
  }
  const current = new Set(content.entities.map((e) => e.entity.ref));
  const unreadable = content.problems.some((p) => p.kind === 'INVALID_YAML' || (p.kind === 'INVALID_ENTITY' && p.entityRef === undefined));
  const invalidRefs = new Set(content.problems.flatMap((p) => (p.kind === 'INVALID_ENTITY' && p.entityRef ? [p.entityRef] : [])));
  const kept = previous.filter(({ entity }) => !current.has(entity.ref) && (unreadable || invalidRefs.has(entity.ref)));
  if (kept.length === 0) return { served: content.entities, problems: content.problems, kept: 0 };

  const keptRefs = new Set(kept.map((e) => e.entity.ref));
  const problems = content.problems.map((problem) => {
    if (problem.kind === 'INVALID_ENTITY' && problem.entityRef && keptRefs.has(problem.entityRef)) {
      return { ...problem, message: `${problem.message} (its last valid version is still served)` };
    }
    if (problem.kind === 'INVALID_YAML' || (problem.kind === 'INVALID_ENTITY' && !problem.entityRef)) {
      return { ...problem, message: `${problem.message} (${kept.length} entities from its last valid version are still served)` };
    }
    return problem;
  });
  return { served: [...content.entities, ...kept], problems, kept: kept.length };
}
