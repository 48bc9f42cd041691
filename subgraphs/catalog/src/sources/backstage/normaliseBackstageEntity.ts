/**
 * A Backstage entity as the catalog backend serves it -> devgraph's CatalogEntity, through the
 * same validator as YAML files (Backstage accepts kinds and shapes devgraph cannot serve).
 *
 * - `source.file` is where Backstage says the descriptor came from (the origin location
 *   annotation, e.g. `url:https://github.com/acme/payments/blob/main/catalog-info.yaml`), or
 *   `backstage:<base URL>` when it does not say.
 * - `declaredRelations` is Backstage's `relations` array: Backstage's processors may know
 *   relations the spec does not show, and the index takes them as computed.
 * - Kinds devgraph has no GraphQL type for (Template, custom kinds) are skipped, not problems:
 *   a Backstage catalog is expected to hold them.
 */
import { entityRelations, KNOWN_KINDS, validateEntity } from '@devgraph/catalog-model';
import type { CatalogEntity, CatalogProblem } from '../../model/types';
import { MANAGED_BY_LOCATION_ANNOTATION, ORIGIN_LOCATION_ANNOTATION } from './backstageWire';

export type MappedEntity = { entity: CatalogEntity } | { problem: CatalogProblem } | { skipped: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function normaliseBackstageEntity(wire: unknown, baseUrl: string): MappedEntity {
  const fallback = `backstage:${baseUrl}`;
  const kind = isRecord(wire) && typeof wire.kind === 'string' ? wire.kind : undefined;
  if (kind && !(KNOWN_KINDS as readonly string[]).includes(kind.toLowerCase())) return { skipped: kind };

  const metadata = isRecord(wire) && isRecord(wire.metadata) ? wire.metadata : {};
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  const origin = annotations[ORIGIN_LOCATION_ANNOTATION] ?? annotations[MANAGED_BY_LOCATION_ANNOTATION];
  const file = typeof origin === 'string' && origin !== '' ? origin : fallback;

  const result = validateEntity(wire, { file, documentIndex: 0 });
  if (!result.ok) {
    return {
      problem: {
        kind: 'INVALID_ENTITY',
        location: file,
        ...(result.entityRef !== undefined && { entityRef: result.entityRef }),
        message: `from Backstage (${baseUrl}): ${result.message}`,
      },
    };
  }
  const relations = isRecord(wire) && Array.isArray(wire.relations) ? wire.relations : [];
  const declaredRelations = relations.flatMap((r: unknown) =>
    isRecord(r) && typeof r.type === 'string' && typeof r.targetRef === 'string' ? [{ type: r.type, targetRef: r.targetRef }] : [],
  );
  return { entity: { ...result.entity, declaredRelations } };
}

/**
 * An entity fetched per request is served without going through the index, so its `relations`
 * are filled here, from what Backstage computed (both directions are in Backstage's array).
 */
export function withDeclaredRelations(entity: CatalogEntity): CatalogEntity {
  const { relations } = entityRelations(entity);
  return { ...entity, relations: relations.map(({ type, targetRef }) => ({ type, targetRef })) };
}
