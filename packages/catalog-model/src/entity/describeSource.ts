import type { EntitySourceLocation } from '../types';

/** `/abs/file.yaml (document 2, line 14)`: where to look, for problem messages. */
export function describeSource(entity: { source: EntitySourceLocation }): string {
  const { file, documentIndex, line } = entity.source;
  return `${file} (document ${documentIndex}${line === undefined ? '' : `, line ${line}`})`;
}
