import type { CatalogIndex } from '@devgraph/catalog-model';
import type { CatalogEntity, CatalogSourcesStatus } from './types';

/**
 * One request's view of the catalog: one immutable snapshot for the whole request (a reload
 * during it changes nothing it reads), plus entity lookups batched per request, so a source that
 * must fetch what the snapshot lacks (a Backstage backend) is asked once for all of them.
 * YAML files and Backstage are the implementations; the resolvers see only this.
 */
export interface CatalogRequestSource {
  /** The index this request reads: listings, facets, graph walks and problems answer from it. */
  readonly snapshot: CatalogIndex;
  /** When `snapshot` was built (epoch ms). */
  readonly snapshotBuiltAt: number;
  /** One entity by ref (any case), through the request's loader; null when no source has it. */
  entity(ref: string): Promise<CatalogEntity | null>;
  /** Several, in `refs` order; refs no source has (dangling ones, failed lookups) drop out. */
  entities(refs: readonly string[]): Promise<CatalogEntity[]>;
  /** The sources' live status (freshness, errors), for `catalogStatus`. */
  status(): CatalogSourcesStatus;
}

/** The process-wide part: owns the sources, their watchers and clients; hands out per-request views. */
export interface CatalogSource {
  forRequest(): CatalogRequestSource;
  close(): Promise<void>;
}
