import path from 'node:path';
import { createCatalogIndex, readCatalogFiles, type CatalogEntity, type CatalogIndex } from '@devgraph/catalog-model';

export const DEMO_CATALOG = path.resolve(__dirname, '../../../demo/catalog/catalog-info.yaml');

export interface DemoOrganisation {
  index: CatalogIndex;
  components: CatalogEntity[];
  groups: CatalogEntity[];
  users: CatalogEntity[];
  systems: CatalogEntity[];
  /** Annotation value of an entity, e.g. `annotation(c, 'github.com/project-slug')`. */
  annotation(entity: CatalogEntity, key: string): string | undefined;
  /** Profile email of a user or group. */
  emailOf(entity: CatalogEntity): string | undefined;
}

/**
 * The demo company as every simulator sees it: read through the catalog's own reader, so a
 * service, team or person is the same in the catalog, GitHub, PagerDuty and GrowthBook.
 */
export async function loadDemoOrganisation(catalogPath = DEMO_CATALOG): Promise<DemoOrganisation> {
  const { entities, problems } = await readCatalogFiles({ paths: [catalogPath], cwd: process.cwd() });
  if (problems.length) throw new Error(`demo catalog has problems: ${problems.map((p) => p.message).join('; ')}`);
  const index = createCatalogIndex(entities);
  const all = index.query(undefined, { first: index.size }).items;
  const ofKind = (kind: string) => all.filter((e) => e.ref.startsWith(`${kind}:`));
  return {
    index,
    components: ofKind('component'),
    groups: ofKind('group'),
    users: ofKind('user'),
    systems: ofKind('system'),
    annotation: (entity, key) => entity.metadata.annotations[key],
    emailOf: (entity) => (entity.spec.profile as { email?: string } | undefined)?.email,
  };
}
