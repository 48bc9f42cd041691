/**
 * The relations one entity declares through its spec, with the relation seen from the other end.
 *
 * Mirrors Backstage's `BuiltinKindsEntityProcessor.postProcessEntity`: every spec ref is parsed
 * with the referencing entity's OWN namespace as the default namespace (not `default`), and a
 * per-field default kind; `dependsOn`/`dependencyOf` have no default kind, so an entry without one
 * is reported. Backstage throws on a bad ref (the whole entity fails processing); devgraph keeps
 * the entity, drops that one relation and reports why.
 */
import { parseEntityRef, stringifyEntityRef } from './entityRef';
import { KNOWN_KINDS, type CatalogEntity, type KnownKind, type RelationType } from '../types';

/** Every relation type, in the order relations are listed on an entity. */
export const RELATION_TYPES: readonly RelationType[] = [
  'ownedBy', 'ownerOf',
  'partOf', 'hasPart',
  'dependsOn', 'dependencyOf',
  'providesApi', 'apiProvidedBy',
  'consumesApi', 'apiConsumedBy',
  'memberOf', 'hasMember',
  'childOf', 'parentOf',
];

export interface SpecRelation {
  /** From the declaring entity to the target. */
  type: RelationType;
  /** The same relation from the target back to the declaring entity. */
  reverseType: RelationType;
  /** Normalised `kind:namespace/name`; the target may not exist. */
  targetRef: string;
  /** Where it was declared, e.g. `spec.owner` or `spec.dependsOn[2]`. */
  field: string;
}

export interface EntityRelationsResult {
  relations: SpecRelation[];
  /** One message per spec ref that could not be turned into a relation. */
  problems: string[];
}

interface FieldRule {
  field: string;
  /** Lower-case kind used when the ref has none; absent means the ref must name its kind. */
  defaultKind?: KnownKind;
  type: RelationType;
  reverseType: RelationType;
}

const OWNER: FieldRule = { field: 'owner', defaultKind: 'group', type: 'ownedBy', reverseType: 'ownerOf' };
const SYSTEM: FieldRule = { field: 'system', defaultKind: 'system', type: 'partOf', reverseType: 'hasPart' };
const DEPENDS_ON: FieldRule = { field: 'dependsOn', type: 'dependsOn', reverseType: 'dependencyOf' };
const DEPENDENCY_OF: FieldRule = { field: 'dependencyOf', type: 'dependencyOf', reverseType: 'dependsOn' };

const RULES: Record<KnownKind, FieldRule[]> = {
  component: [
    OWNER,
    { field: 'subcomponentOf', defaultKind: 'component', type: 'partOf', reverseType: 'hasPart' },
    { field: 'providesApis', defaultKind: 'api', type: 'providesApi', reverseType: 'apiProvidedBy' },
    { field: 'consumesApis', defaultKind: 'api', type: 'consumesApi', reverseType: 'apiConsumedBy' },
    DEPENDS_ON,
    DEPENDENCY_OF,
    SYSTEM,
  ],
  api: [OWNER, SYSTEM],
  resource: [OWNER, DEPENDS_ON, DEPENDENCY_OF, SYSTEM],
  system: [OWNER, { field: 'domain', defaultKind: 'domain', type: 'partOf', reverseType: 'hasPart' }],
  domain: [OWNER, { field: 'subdomainOf', defaultKind: 'domain', type: 'partOf', reverseType: 'hasPart' }],
  user: [{ field: 'memberOf', defaultKind: 'group', type: 'memberOf', reverseType: 'hasMember' }],
  group: [
    { field: 'parent', defaultKind: 'group', type: 'childOf', reverseType: 'parentOf' },
    { field: 'children', defaultKind: 'group', type: 'parentOf', reverseType: 'childOf' },
    { field: 'members', defaultKind: 'user', type: 'hasMember', reverseType: 'memberOf' },
  ],
  location: [],
};

type RelationSource = Pick<CatalogEntity, 'kind' | 'metadata' | 'spec' | 'declaredRelations'>;

const REVERSE: Record<RelationType, RelationType> = {
  ownedBy: 'ownerOf', ownerOf: 'ownedBy',
  partOf: 'hasPart', hasPart: 'partOf',
  dependsOn: 'dependencyOf', dependencyOf: 'dependsOn',
  providesApi: 'apiProvidedBy', apiProvidedBy: 'providesApi',
  consumesApi: 'apiConsumedBy', apiConsumedBy: 'consumesApi',
  memberOf: 'hasMember', hasMember: 'memberOf',
  childOf: 'parentOf', parentOf: 'childOf',
};

/**
 * Relations as a source computed them (Backstage's `relations` array), taken as they are:
 * Backstage's processors may know more than the spec says. Unknown relation types are skipped.
 */
function declaredRelations(entity: RelationSource, declared: NonNullable<CatalogEntity['declaredRelations']>): EntityRelationsResult {
  const relations: SpecRelation[] = [];
  const problems: string[] = [];
  declared.forEach(({ type, targetRef }, i) => {
    if (!(type in REVERSE)) return;
    try {
      const parts = parseEntityRef(targetRef, { defaultNamespace: entity.metadata.namespace });
      relations.push({ type: type as RelationType, reverseType: REVERSE[type as RelationType], targetRef: stringifyEntityRef(parts), field: `relations[${i}]` });
    } catch (error) {
      problems.push(`${entity.kind} ${JSON.stringify(entity.metadata.name)}: relations[${i}]: ${(error as Error).message}`);
    }
  });
  return { relations, problems };
}

/** Outgoing relations of `entity`, in spec field order; never throws for a bad spec value. */
export function entityRelations(entity: RelationSource): EntityRelationsResult {
  if (entity.declaredRelations) return declaredRelations(entity, entity.declaredRelations);
  const kind = KNOWN_KINDS.find((k) => k === entity.kind.toLowerCase());
  const relations: SpecRelation[] = [];
  const problems: string[] = [];
  if (!kind) return { relations, problems };
  const label = `${entity.kind} ${JSON.stringify(entity.metadata.name)}`;

  for (const rule of RULES[kind]) {
    const value = entity.spec[rule.field];
    if (value === undefined || value === null) continue;
    const isList = Array.isArray(value);
    const items: unknown[] = isList ? value : [value];
    items.forEach((item, i) => {
      const field = isList ? `spec.${rule.field}[${i}]` : `spec.${rule.field}`;
      if (typeof item !== 'string') {
        problems.push(`${label}: ${field} must be an entity ref string, found ${typeof item}`);
        return;
      }
      try {
        const parts = parseEntityRef(item, {
          defaultKind: rule.defaultKind,
          defaultNamespace: entity.metadata.namespace,
        });
        relations.push({ type: rule.type, reverseType: rule.reverseType, targetRef: stringifyEntityRef(parts), field });
      } catch (error) {
        problems.push(`${label}: ${field}: ${(error as Error).message}`);
      }
    });
  }
  return { relations, problems };
}
