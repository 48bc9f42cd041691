/**
 * The in-memory variant: a synthetic catalog as validated `CatalogEntity` objects, ready for
 * `createCatalogIndex`, without writing or parsing YAML. For profiling the index alone (e.g.
 * `createCatalogIndex(syntheticCatalogEntities(generateSyntheticCatalog({ entities: 100_000 })))`).
 */
import { validateEntity, type CatalogEntity } from '@devgraph/catalog-model';
import type { SyntheticCatalog } from './generateSyntheticCatalog';

/** Throws on a descriptor the catalog would reject: that is a generator bug. */
export function syntheticCatalogEntities(catalog: SyntheticCatalog, baseDir = '/synthetic-catalog'): CatalogEntity[] {
  return catalog.files.flatMap((file) =>
    file.documents.map((document, documentIndex) => {
      const result = validateEntity(document, { file: `${baseDir}/${file.path}`, documentIndex });
      if (!result.ok) throw new Error(`synthetic descriptor rejected: ${result.message}`);
      return result.entity;
    }),
  );
}
