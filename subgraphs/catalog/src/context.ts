import type { CallerIdentity } from '@devgraph/runtime';
import type { CatalogRequestSource } from './model/CatalogSource';

export interface CatalogContext {
  /** This request's view of the catalog: one snapshot, and its entity loader. */
  source: CatalogRequestSource;
  /** Clock for ages in `catalogStatus`, injectable for tests. */
  now: () => number;
  /** Who asked, as the gateway signed it; undefined for unsigned requests (AUTH_MODE=none, SUBGRAPH_AUTH=off). */
  identity?: CallerIdentity;
}
