/**
 * Resolvers for the graph questions (transitive dependencies and dependents, recursive
 * ownership, a system's APIs) and for facet counts. The request's snapshot answers them from
 * precomputed adjacency; these only turn arguments into options and errors into BAD_USER_INPUT.
 * Results come from the snapshot, not the entity loader: a traversal can only reach entities
 * the snapshot holds.
 */
import { badUserInput } from '@devgraph/runtime';
import type { TraversalDirection } from '@devgraph/catalog-model';
import type { CatalogContext } from '../context';
import type { CatalogEntity, EntityFacetField, EntityFilter, EntityPath } from '../model/types';

interface TraversalArgs {
  depth?: number | null;
  kinds?: readonly string[] | null;
}

function traverse(ctx: CatalogContext, entity: CatalogEntity, direction: TraversalDirection, args: TraversalArgs): EntityPath[] {
  const depth = args.depth ?? 1;
  try {
    return ctx.source.snapshot.traverse(entity.ref, direction, { depth, kinds: args.kinds?.map((kind) => kind.toLowerCase()) });
  } catch (error) {
    if (error instanceof RangeError) throw badUserInput(`${error.message}: ask for fewer levels, or start again from an entity you reached.`, { depth });
    throw error;
  }
}

const walk = (direction: TraversalDirection) => ({
  entities: (entity: CatalogEntity, args: TraversalArgs, ctx: CatalogContext) => traverse(ctx, entity, direction, args).map((hit) => hit.entity),
  paths: (entity: CatalogEntity, args: TraversalArgs, ctx: CatalogContext) => traverse(ctx, entity, direction, args),
});

const dependents = walk('dependents');
const dependencies = walk('dependencies');

/** `dependents`/`dependentPaths`, on every entity type (the `Entity` interface declares them). */
export const dependentFieldResolvers = { dependents: dependents.entities, dependentPaths: dependents.paths };

/** `dependencies`/`dependencyPaths`, on the kinds that declare spec.dependsOn. */
export const dependencyFieldResolvers = { dependencies: dependencies.entities, dependencyPaths: dependencies.paths };

/** `Group.owns(recursive)`: without `recursive` through the loader as before, so a source that
 *  fetches (Backstage) still resolves owned entities the snapshot lacks. */
export async function groupOwns(entity: CatalogEntity, { recursive }: { recursive?: boolean | null }, ctx: CatalogContext): Promise<CatalogEntity[]> {
  if (recursive) return ctx.source.snapshot.owned(entity.ref, { recursive: true });
  const refs = entity.relations.filter((r) => r.type === 'ownerOf').map((r) => r.targetRef);
  return ctx.source.entities(refs);
}

export const systemApiFieldResolvers = {
  consumedApis: (entity: CatalogEntity, _args: unknown, ctx: CatalogContext) => ctx.source.snapshot.systemApis(entity.ref, 'consumesApi'),
  providedApis: (entity: CatalogEntity, _args: unknown, ctx: CatalogContext) => ctx.source.snapshot.systemApis(entity.ref, 'providesApi'),
};

export function entityFacets(ctx: CatalogContext, field: EntityFacetField, filter: EntityFilter | null | undefined) {
  try {
    return ctx.source.snapshot.facetCounts(field, filter);
  } catch (error) {
    throw badUserInput((error as Error).message, { field });
  }
}
