import { createHash } from 'node:crypto';
import type { CatalogEntity } from '@devgraph/catalog-model';
import type { BackstageEntity } from '../src/sources/backstage/backstageWire';

const digest = (text: string) => createHash('sha1').update(text).digest('hex');

/** A stable UUID-shaped id per ref, as a real Backstage keeps an entity's uid across refreshes. */
export function uidOf(ref: string): string {
  const h = digest(`uid:${ref}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Backstage's etag changes whenever the entity does; a hash of its content behaves the same. */
export function withEtag(entity: BackstageEntity): BackstageEntity {
  const { etag: _old, ...metadata } = entity.metadata;
  const etag = digest(JSON.stringify({ ...entity, metadata })).slice(0, 24);
  return { ...entity, metadata: { ...metadata, etag } };
}

/**
 * A devgraph entity (relations computed by the index, both directions) as Backstage's catalog
 * serves it after processing and stitching: uid, etag, location annotations, `relations`.
 */
export function toBackstageEntity(entity: CatalogEntity, sourceUrl: string): BackstageEntity {
  const { metadata } = entity;
  const location = `url:${sourceUrl}`;
  return withEtag({
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      ...metadata,
      uid: uidOf(entity.ref),
      annotations: {
        ...metadata.annotations,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
    spec: entity.spec,
    relations: entity.relations.map(({ type, targetRef }) => ({ type, targetRef })),
  });
}
