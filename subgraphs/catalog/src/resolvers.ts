import { badUserInput, connectionResolvers, notFound } from '@devgraph/runtime';
import { normalizeEntityRef } from '@devgraph/catalog-model';
import type { Resolvers } from './generated/types';
import type { CatalogContext } from './context';
import type { CatalogEntity, RelationType } from './model/types';
import { pageEntities } from './model/pageEntities';
import { entityFieldResolvers, ownedFieldResolvers, ownerTypeNameOf, typeNameOf } from './resolvers/entityFields';
import { loadRelated, firstRelated } from './resolvers/loadRelated';
import { dependencyFieldResolvers, dependentFieldResolvers, entityFacets, groupOwns, systemApiFieldResolvers } from './resolvers/graphFields';
import { catalogStatus } from './resolvers/catalogStatus';
import { viewer } from './resolvers/viewer';

const annotationField = (key: string) => (entity: CatalogEntity) => entity.metadata.annotations[key] ?? null;

const related =
  (type: RelationType, kind?: string) =>
  (entity: CatalogEntity, _args: unknown, ctx: CatalogContext) =>
    loadRelated(ctx, entity, type, kind);

const firstOf =
  (type: RelationType, kind?: string) =>
  (entity: CatalogEntity, _args: unknown, ctx: CatalogContext) =>
    firstRelated(ctx, entity, type, kind);

const specString = (key: string) => (entity: CatalogEntity) => {
  const value = entity.spec[key];
  return typeof value === 'string' ? value : null;
};

const profileOf = (entity: CatalogEntity) => (entity.spec.profile as Record<string, string | undefined> | undefined) ?? null;

/**
 * A copy, not the index's entity: @apollo/subgraph stamps `__typename` on what this returns,
 * and index entities are frozen so a request can never alter the shared snapshot.
 */
async function resolveReference({ ref }: { ref: string }, ctx: CatalogContext) {
  const entity = await ctx.source.entity(ref);
  return entity ? { ...entity } : null;
}

export const resolvers: Resolvers = {
  Query: {
    async entity(_root, { ref }, ctx) {
      let normalised: string;
      try {
        normalised = normalizeEntityRef(ref);
      } catch (error) {
        throw badUserInput(`"${ref}" is not an entity ref: ${(error as Error).message}. Use kind:namespace/name, e.g. component:default/payments.`, { ref });
      }
      const entity = await ctx.source.entity(normalised);
      if (!entity) throw notFound(`Entity "${normalised}"`, { details: { ref: normalised } });
      return entity;
    },
    entities: (_root, { filter, first, after }, ctx) => pageEntities(ctx.source.snapshot, filter, first, after),
    entityFacets: (_root, { field, filter }, ctx) => entityFacets(ctx, field, filter),
    catalogProblems: (_root, _args, ctx) => [...ctx.source.snapshot.problems],
    catalogStatus: (_root, _args, ctx) => catalogStatus(ctx),
    viewer: (_root, _args, ctx) => viewer(ctx),
  },
  Entity: { __resolveType: (entity) => typeNameOf(entity) },
  Owner: {
    __resolveType: (entity) => {
      const name = ownerTypeNameOf(entity);
      // `owner` only returns Groups and Users, so reaching this is a bug, not bad input.
      if (!name) throw new Error(`${entity.ref} is not a Group or a User, so it is not an Owner`);
      return name;
    },
  },
  EntityConnection: {
    ...connectionResolvers(),
  },
  Relation: {
    target: (relation, _args, ctx) => ctx.source.entity(relation.targetRef),
  },
  CatalogProblem: {
    location: (p) => p.location ?? null,
    documentIndex: (p) => p.documentIndex ?? null,
    line: (p) => p.line ?? null,
    entityRef: (p) => p.entityRef ?? null,
  },
  Component: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    ...ownedFieldResolvers,
    type: specString('type') as (e: CatalogEntity) => string,
    lifecycle: specString('lifecycle') as (e: CatalogEntity) => string,
    system: firstOf('partOf', 'system'),
    subcomponentOf: firstOf('partOf', 'component'),
    subcomponents: related('hasPart', 'component'),
    dependsOn: related('dependsOn'),
    ...dependencyFieldResolvers,
    providesApis: related('providesApi'),
    consumesApis: related('consumesApi'),
    githubProjectSlug: annotationField('github.com/project-slug'),
    pagerdutyServiceId: annotationField('pagerduty.com/service-id'),
    growthbookProject: annotationField('growthbook.io/project'),
  },
  Api: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    ...ownedFieldResolvers,
    type: specString('type') as (e: CatalogEntity) => string,
    lifecycle: specString('lifecycle') as (e: CatalogEntity) => string,
    system: firstOf('partOf', 'system'),
    definition: specString('definition'),
    providers: related('apiProvidedBy'),
    consumers: related('apiConsumedBy'),
  },
  System: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    ...ownedFieldResolvers,
    domain: firstOf('partOf', 'domain'),
    components: related('hasPart', 'component'),
    apis: related('hasPart', 'api'),
    resources: related('hasPart', 'resource'),
    ...systemApiFieldResolvers,
  },
  Domain: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    ...ownedFieldResolvers,
    systems: related('hasPart', 'system'),
  },
  Resource: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    ...ownedFieldResolvers,
    type: specString('type') as (e: CatalogEntity) => string,
    system: firstOf('partOf', 'system'),
    dependsOn: related('dependsOn'),
    ...dependencyFieldResolvers,
  },
  Group: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    type: specString('type') as (e: CatalogEntity) => string,
    profile: profileOf,
    displayName: (e) => profileOf(e)?.displayName ?? null,
    email: (e) => profileOf(e)?.email ?? null,
    parent: firstOf('childOf', 'group'),
    children: related('parentOf', 'group'),
    members: related('hasMember', 'user'),
    owns: groupOwns,
    githubTeamSlug: annotationField('github.com/team-slug'),
  },
  User: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    profile: profileOf,
    displayName: (e) => profileOf(e)?.displayName ?? null,
    email: (e) => profileOf(e)?.email ?? null,
    memberOf: related('memberOf', 'group'),
    owns: related('ownerOf'),
    githubUserLogin: annotationField('github.com/user-login'),
  },
  Location: {
    __resolveReference: resolveReference,
    ...entityFieldResolvers,
    ...dependentFieldResolvers,
    type: specString('type'),
    targets: (e) => {
      const { target, targets } = e.spec;
      return [...(typeof target === 'string' ? [target] : []), ...(Array.isArray(targets) ? targets.filter((t): t is string => typeof t === 'string') : [])];
    },
  },
};
