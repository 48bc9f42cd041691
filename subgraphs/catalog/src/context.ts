import { createLoader } from '@devgraph/runtime';
import type DataLoader from 'dataloader';
import type { CatalogIndex } from './model/createCatalogIndex';
import { parseEntityRef, stringifyEntityRef } from './model/entityRef';
import type { CatalogEntity } from './model/types';
import type { CatalogStoreStatus } from './sources/createCatalogStore';

export interface CatalogContext {
  /** The index snapshot this request reads; a reload swaps the snapshot, never mutates it. */
  index: CatalogIndex;
  /** When `index` was built (epoch ms). */
  indexBuiltAt: number;
  loaders: {
    /** Entity by ref. Relations and `__resolveReference` go through it, so a source that
     *  must fetch (a Backstage backend) batches one call per request. */
    entity: DataLoader<string, CatalogEntity | null>;
  };
  /** Live status of the sources behind the catalog. */
  catalogStatus(): CatalogStoreStatus;
}

export interface CatalogContextOptions {
  /** When `index` was built; defaults to now. */
  builtAt?: number;
  /** Fetches entities the index lacks (a Backstage source); refs arrive normalised, answers in order. */
  lookup?: (refs: readonly string[]) => Promise<(CatalogEntity | null)[]>;
  catalogStatus?: () => CatalogStoreStatus;
}

/** A ref the upstream can be asked about: normalised, or undefined when it is not a ref at all. */
function normalised(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
  }
}

export function createCatalogContext(index: CatalogIndex, options: CatalogContextOptions = {}): CatalogContext {
  const { lookup } = options;
  return {
    index,
    indexBuiltAt: options.builtAt ?? Date.now(),
    loaders: {
      entity: createLoader<string, CatalogEntity>(
        async (refs) => {
          const results = new Map<string, CatalogEntity | Error | null>();
          const missing = new Map<string, string[]>();
          for (const ref of refs) {
            const entity = index.get(ref);
            if (entity) results.set(ref, entity);
            else if (lookup) {
              const key = normalised(ref);
              if (key) missing.set(key, [...(missing.get(key) ?? []), ref]);
            }
          }
          if (missing.size === 0) return results;
          // One upstream call for every ref of the request the snapshot lacks.
          const keys = [...missing.keys()];
          try {
            const found = await lookup!(keys);
            keys.forEach((key, i) => missing.get(key)!.forEach((ref) => results.set(ref, found[i] ?? null)));
          } catch (error) {
            for (const asked of missing.values()) for (const ref of asked) results.set(ref, error as Error);
          }
          return results;
        },
        { name: 'catalog entity' },
      ),
    },
    catalogStatus:
      options.catalogStatus ??
      (() => ({ sources: [], stale: false })),
  };
}
