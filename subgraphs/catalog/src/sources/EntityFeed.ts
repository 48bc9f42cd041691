import type { CatalogEntity, CatalogProblem, SourceKind, SourceStatus } from '../model/types';

/**
 * One place entities come from: the YAML files (sources/yaml) or a Backstage backend
 * (sources/backstage); `catalogStatus` lists each as one of the catalog's sources. A feed keeps
 * its own last good data: a failed refresh leaves `entities()` as it was, so the store can always
 * rebuild from every feed's latest good state.
 */
export interface EntityFeed {
  readonly kind: SourceKind;
  readonly location: string;
  /** First load. Never rejects: a feed that cannot load serves nothing and says why in status. */
  load(): Promise<void>;
  /** Begin watching or polling; `onChange` is called after each refresh that changed the data. */
  start(onChange: () => void): void;
  entities(): readonly CatalogEntity[];
  problems(): readonly CatalogProblem[];
  status(now: number): SourceStatus;
  /**
   * Entities the snapshot lacks, fetched now (refs already normalised), in `refs` order, null
   * for a miss. Only feeds that can answer per request (Backstage) have it.
   */
  lookup?(refs: readonly string[]): Promise<(CatalogEntity | null)[]>;
  close(): Promise<void>;
}
