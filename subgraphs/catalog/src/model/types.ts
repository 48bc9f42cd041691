/**
 * What the catalog's resolvers work on. Entities, relations, problems and filters are the
 * Backstage descriptor model of `@devgraph/catalog-model` (codegen.yml maps the GraphQL entity
 * types onto `CatalogEntity`); this file adds only what belongs to serving it: a page with its
 * cursors, and how fresh each source's data is.
 */
import type { ConnectionPage } from '@devgraph/runtime';
import type { CatalogEntity } from '@devgraph/catalog-model';
import type { CatalogSourceStatus } from '../generated/types';

export type {
  CatalogEntity,
  CatalogProblem,
  EntityFacetField,
  EntityFilter,
  EntityPath,
  EntityRelation,
  FacetCount,
  RelationType,
} from '@devgraph/catalog-model';

/** `EntityConnection` as resolvers return it: the index's page with one cursor per item. */
export type EntityPage = ConnectionPage<CatalogEntity>;

/** Where a source's entities come from; the GraphQL enum of the same name. */
export type SourceKind = CatalogSourceStatus['kind'];

/**
 * How one source (the YAML files, a Backstage backend) is doing. The GraphQL type's fields, with
 * times as epoch milliseconds: resolvers turn them into DateTimes and ages for the request's clock.
 */
export type SourceStatus = Pick<CatalogSourceStatus, 'kind' | 'location' | 'entityCount' | 'stale'> & {
  /** Last read or sync that produced the data now served. */
  lastSyncAt?: number;
  lastAttemptAt?: number;
  /** Why the last attempt failed, or what is served from an earlier version; absent when all is well. */
  lastError?: string;
  /** Until when the data is known current: `now` while a watcher keeps it so, else lastSyncAt. */
  currentAt?: number;
};

/** Every source's status, summed up; the request's snapshot adds its own counts. */
export interface CatalogSourcesStatus {
  sources: SourceStatus[];
  /** Oldest lastSyncAt among sources; undefined until every source has loaded once. */
  lastSyncAt?: number;
  /** Oldest "known current at" among sources: how old the served data may be. */
  currentAt?: number;
  stale: boolean;
}
