import type { CatalogContext } from '../context';
import type { CatalogEntity, RelationType } from '../model/types';

/**
 * Targets of one relation type, through the request's entity loader. Dangling targets drop
 * out (they are listed in catalogProblems); `kind` narrows e.g. `partOf` to the system only.
 */
export async function loadRelated(ctx: CatalogContext, entity: CatalogEntity, type: RelationType, kind?: string): Promise<CatalogEntity[]> {
  const refs = entity.relations
    .filter((r) => r.type === type && (!kind || r.targetRef.startsWith(`${kind}:`)))
    .map((r) => r.targetRef);
  return ctx.source.entities(refs);
}

export async function firstRelated(ctx: CatalogContext, entity: CatalogEntity, type: RelationType, kind?: string): Promise<CatalogEntity | null> {
  return (await loadRelated(ctx, entity, type, kind))[0] ?? null;
}
