import DataLoader from 'dataloader';
import type { CatalogIndex } from './model/createCatalogIndex';
import type { CatalogEntity } from './model/types';

export interface CatalogContext {
  /** The index snapshot this request reads; a reload swaps the snapshot, never mutates it. */
  index: CatalogIndex;
  loaders: {
    /** Entity by ref. Relations and `__resolveReference` go through it, so a source that
     *  must fetch (a Backstage backend) batches one call per request. */
    entity: DataLoader<string, CatalogEntity | null>;
  };
}

export function createCatalogContext(index: CatalogIndex): CatalogContext {
  return {
    index,
    loaders: {
      entity: new DataLoader<string, CatalogEntity | null>(async (refs) => refs.map((ref) => index.get(ref) ?? null)),
    },
  };
}
