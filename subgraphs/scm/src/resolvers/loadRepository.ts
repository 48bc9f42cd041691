import type { GraphQLResolveInfo } from 'graphql';
import { notFound } from '@devgraph/runtime';
import type { ScmContext } from '../context';
import type { RepositoryParent, RepositorySlug } from '../model/types';
import { selectedRepoParts } from './selectedRepoParts';

/**
 * A repository with its info, NOT_FOUND when the tool has none. Every part the operation selects
 * below this field is handed to the source as a prefetch, so it is fetched in the same call.
 */
export async function loadRepository(ctx: ScmContext, slug: RepositorySlug, info: GraphQLResolveInfo): Promise<RepositoryParent> {
  const repository = await ctx.source.repository(slug, selectedRepoParts(info));
  if (!repository) {
    const name = `${slug.owner}/${slug.name}`;
    throw notFound(`GitHub repository "${name}"`, { upstream: ctx.source.upstream, details: { repository: name } });
  }
  return repository;
}
