import type { CatalogEntity } from '../model/types';
import type { CatalogContext } from '../context';
import { loadRelated } from './loadRelated';

const TYPE_NAMES: Record<string, 'Component' | 'Api' | 'System' | 'Domain' | 'Resource' | 'Group' | 'User' | 'Location'> = {
  component: 'Component',
  api: 'Api',
  system: 'System',
  domain: 'Domain',
  resource: 'Resource',
  group: 'Group',
  user: 'User',
  location: 'Location',
};

/** GraphQL type of an entity; the kind is validated on load, so every entity has one. */
export function typeNameOf(entity: CatalogEntity) {
  const name = TYPE_NAMES[entity.kind.toLowerCase()];
  if (!name) throw new Error(`No GraphQL type for kind "${entity.kind}"`);
  return name;
}

/**
 * GraphQL type of an entity that can be an `Owner`, or null. Backstage accepts any kind in
 * spec.owner, but only a Group or a User implements `Owner`: anything else is no owner here.
 */
export function ownerTypeNameOf(entity: CatalogEntity): 'Group' | 'User' | null {
  const name = typeNameOf(entity);
  return name === 'Group' || name === 'User' ? name : null;
}

const toPairs = (record: Record<string, string>) => Object.entries(record).map(([key, value]) => ({ key, value }));

/** Fields of the `Entity` interface, identical on every entity type. */
export const entityFieldResolvers = {
  ref: (e: CatalogEntity) => e.ref,
  kind: (e: CatalogEntity) => e.kind,
  namespace: (e: CatalogEntity) => e.metadata.namespace,
  name: (e: CatalogEntity) => e.metadata.name,
  title: (e: CatalogEntity) => e.metadata.title ?? null,
  description: (e: CatalogEntity) => e.metadata.description ?? null,
  tags: (e: CatalogEntity) => e.metadata.tags,
  labels: (e: CatalogEntity) => toPairs(e.metadata.labels),
  annotations: (e: CatalogEntity) => toPairs(e.metadata.annotations),
  annotation: (e: CatalogEntity, { key }: { key: string }) => e.metadata.annotations[key] ?? null,
  links: (e: CatalogEntity) => e.metadata.links,
  relations: (e: CatalogEntity, { type }: { type?: string | null }) => (type ? e.relations.filter((r) => r.type === type) : e.relations),
  source: (e: CatalogEntity) => ({ location: e.source.file, documentIndex: e.source.documentIndex }),
};

/** `ownerRef`/`owner` for kinds whose spec.owner is required. */
export const ownedFieldResolvers = {
  ownerRef: (e: CatalogEntity) => e.relations.find((r) => r.type === 'ownedBy')?.targetRef ?? '',
  owner: async (e: CatalogEntity, _args: unknown, ctx: CatalogContext) =>
    (await loadRelated(ctx, e, 'ownedBy')).find((owner) => ownerTypeNameOf(owner) !== null) ?? null,
};
