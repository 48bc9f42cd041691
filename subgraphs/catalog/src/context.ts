import type { CatalogRequestSource } from './model/CatalogSource';

export interface CatalogContext {
  /** This request's view of the catalog: one snapshot, and its entity loader. */
  source: CatalogRequestSource;
  /** Clock for ages in `catalogStatus`, injectable for tests. */
  now: () => number;
}
