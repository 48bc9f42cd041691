import type { CatalogEntity, CatalogProblem } from '../model/types';

export type CatalogSourceKind = 'FILES' | 'BACKSTAGE';

/** How one source is doing, for `Query.catalogStatus`. Times are epoch milliseconds. */
export interface CatalogSourceStatus {
  kind: CatalogSourceKind;
  /** Configured paths, or the Backstage base URL. */
  location: string;
  /** Last read or sync that produced the data now served. */
  lastSyncAt?: number;
  lastAttemptAt?: number;
  /** Why the last attempt failed; absent after a success. */
  lastError?: string;
  entityCount: number;
  /** Serving data the source could not refresh (Backstage down, a file invalid since). */
  stale: boolean;
  /** Until when the data is known current: `now` while a watcher keeps it so, else lastSyncAt. */
  currentAt?: number;
}

/**
 * One place entities come from. A source keeps its own last good data: a failed refresh leaves
 * `entities()` as it was, so the store can always rebuild from every source's latest good state.
 */
export interface CatalogSource {
  readonly kind: CatalogSourceKind;
  readonly location: string;
  /** First load. Never rejects: a source that cannot load serves nothing and says why in status. */
  load(): Promise<void>;
  /** Begin watching or polling; `onChange` is called after each refresh that changed the data. */
  start(onChange: () => void): void;
  entities(): readonly CatalogEntity[];
  problems(): readonly CatalogProblem[];
  status(now: number): CatalogSourceStatus;
  /**
   * Entities the snapshot lacks, fetched now (refs already normalised), in `refs` order, null
   * for a miss. Only sources that can answer per request (Backstage) have it.
   */
  lookup?(refs: readonly string[]): Promise<(CatalogEntity | null)[]>;
  close(): Promise<void>;
}
