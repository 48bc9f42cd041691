/**
 * One request's view of the catalog: the snapshot it was given, and an entity loader in front of
 * it. Relations and `__resolveReference` go through the loader, so every ref of one operation
 * that the snapshot lacks reaches a feed that can look entities up (Backstage) in ONE call.
 */
import { createLoader } from '@devgraph/runtime';
import { normalizeEntityRef, type CatalogIndex } from '@devgraph/catalog-model';
import type { CatalogRequestSource } from '../model/CatalogSource';
import type { CatalogEntity, CatalogSourcesStatus } from '../model/types';

export interface CatalogRequestSourceOptions {
  index: CatalogIndex;
  /** When `index` was built (epoch ms). */
  builtAt: number;
  /** Fetches entities the index lacks; refs arrive normalised, answers in order, null for a miss. */
  lookup?: (refs: readonly string[]) => Promise<(CatalogEntity | null)[]>;
  status: () => CatalogSourcesStatus;
}

/** A ref a feed can be asked about: normalised, or undefined when it is not a ref at all. */
function normalised(ref: string): string | undefined {
  try {
    return normalizeEntityRef(ref);
  } catch {
    return undefined;
  }
}

export function createCatalogRequestSource(options: CatalogRequestSourceOptions): CatalogRequestSource {
  const { index, lookup } = options;
  const loader = createLoader<string, CatalogEntity>(
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
      if (missing.size === 0 || !lookup) return results;
      // One upstream call for every ref of the request the snapshot lacks.
      const keys = [...missing.keys()];
      try {
        const found = await lookup(keys);
        keys.forEach((key, i) => missing.get(key)!.forEach((ref) => results.set(ref, found[i] ?? null)));
      } catch (error) {
        for (const asked of missing.values()) for (const ref of asked) results.set(ref, error as Error);
      }
      return results;
    },
    { name: 'catalog entity' },
  );

  return {
    snapshot: index,
    snapshotBuiltAt: options.builtAt,
    entity: (ref) => loader.load(ref),
    async entities(refs) {
      const loaded = await loader.loadMany(refs);
      // A relation whose target could not be looked up drops out like a dangling one; asking
      // for that entity by ref (`entity`) reports the failure as the field's error.
      return loaded.filter((e): e is CatalogEntity => e !== null && !(e instanceof Error));
    },
    status: options.status,
  };
}
