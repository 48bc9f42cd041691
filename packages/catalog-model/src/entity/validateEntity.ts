/**
 * One parsed YAML document -> a `CatalogEntity` (relations empty; the index fills them) or every
 * reason Backstage would reject it. All violations are collected, not just the first, so one
 * round of fixes is enough.
 *
 * Rules come from @backstage/catalog-model: the envelope and metadata checks of
 * `FieldFormatEntityPolicy` / `NoForeignRootFieldsEntityPolicy`, and each kind's JSON schema
 * (`schema/kinds/<Kind>.v1alpha1.schema.json`) for the spec. Deliberate differences: kinds match
 * case-insensitively, and a Location must have `target` or `targets` (Backstage accepts neither,
 * but such a Location can only be a mistake).
 */
import { DEFAULT_NAMESPACE, isValidEntityName, isValidNamespace, stringifyEntityRef } from './entityRef';
import { KNOWN_KINDS, type CatalogEntity, type EntitySourceLocation, type KnownKind } from '../types';
import { validateMetadata } from './validateMetadata';
import { describeType, isRecord, type Violations } from './valueChecks';

export const SUPPORTED_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;

/** Root fields Backstage allows; anything else is usually a mis-indented spec field. */
const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'relations', 'status']);

export interface EntityViolation {
  /** Path of the offending value (or of its parent when the value is missing). */
  path: (string | number)[];
  message: string;
}

export type EntityValidation =
  | { ok: true; entity: CatalogEntity }
  | {
      ok: false;
      /** The ref when kind and name were readable, so the problem can name the entity. */
      entityRef?: string;
      violations: EntityViolation[];
      /** `Component "payments": spec.owner is required; ...` */
      message: string;
    };

interface SpecRule {
  requiredStrings?: string[];
  optionalStrings?: string[];
  /** Lists of entity refs (non-empty strings) that must be present, possibly empty. */
  requiredLists?: string[];
  optionalLists?: string[];
  extra?: (spec: Record<string, unknown>, violations: Violations) => void;
}

const SPEC_RULES: Record<KnownKind, SpecRule> = {
  component: {
    requiredStrings: ['type', 'lifecycle', 'owner'],
    optionalStrings: ['system', 'subcomponentOf'],
    optionalLists: ['providesApis', 'consumesApis', 'dependsOn', 'dependencyOf'],
  },
  api: {
    requiredStrings: ['type', 'lifecycle', 'owner'],
    optionalStrings: ['system'],
    extra: checkApiDefinition,
  },
  system: { requiredStrings: ['owner'], optionalStrings: ['domain', 'type'] },
  domain: { requiredStrings: ['owner'], optionalStrings: ['subdomainOf', 'type'] },
  resource: {
    requiredStrings: ['type', 'owner'],
    optionalStrings: ['system'],
    optionalLists: ['dependsOn', 'dependencyOf'],
  },
  group: {
    requiredStrings: ['type'],
    optionalStrings: ['parent'],
    requiredLists: ['children'],
    optionalLists: ['members'],
    extra: (spec, v) => checkProfile(spec, v),
  },
  // Backstage's User schema requires memberOf (it may be empty): `required: ["memberOf"]`.
  user: { requiredLists: ['memberOf'], extra: (spec, v) => checkProfile(spec, v) },
  location: { optionalStrings: ['type', 'target'], optionalLists: ['targets'], extra: checkLocationTargets },
};

export function validateEntity(document: unknown, source: EntitySourceLocation): EntityValidation {
  const violations: EntityViolation[] = [];
  const v: Violations = { add: (path, message) => violations.push({ path, message }) };
  if (!isRecord(document)) {
    // A whole document that is not a mapping is most likely not a descriptor at all (a text file a
    // glob matched): its text is never quoted, or a problem would disclose the file.
    const found = typeof document === 'string' ? `a string of ${document.length} characters` : describeType(document);
    v.add([], `the document is ${found}, not a mapping with apiVersion, kind, metadata and spec`);
    return failure(violations, 'Entity', undefined);
  }

  for (const key of Object.keys(document)) {
    if (!ROOT_FIELDS.has(key)) {
      v.add([key], `unknown top-level field "${key}" (only apiVersion, kind, metadata and spec belong there; is it mis-indented?)`);
    }
  }

  const { apiVersion, kind } = document;
  if (apiVersion === undefined) v.add([], 'apiVersion is required');
  else if (!SUPPORTED_API_VERSIONS.includes(apiVersion as (typeof SUPPORTED_API_VERSIONS)[number])) {
    v.add(['apiVersion'], `apiVersion ${JSON.stringify(apiVersion)} is not supported; use ${SUPPORTED_API_VERSIONS.join(' or ')}`);
  }

  let knownKind: KnownKind | undefined;
  if (kind === undefined) v.add([], 'kind is required');
  else if (typeof kind !== 'string') v.add(['kind'], `kind must be a string, found ${describeType(kind)}`);
  else {
    knownKind = KNOWN_KINDS.find((k) => k === kind.toLowerCase());
    if (!knownKind) v.add(['kind'], `kind "${kind}" is not one of ${KNOWN_KINDS.join(', ')} (case-insensitive)`);
  }
  const kindLabel = typeof kind === 'string' ? kind : 'Entity';

  const metadata = validateMetadata(document.metadata, v);
  const name = isRecord(document.metadata) ? document.metadata.name : undefined;

  const spec = document.spec;
  if (spec === undefined) v.add([], 'spec is required');
  else if (!isRecord(spec)) v.add(['spec'], `spec must be a mapping, found ${describeType(spec)}`);
  else if (knownKind) checkSpec(spec, SPEC_RULES[knownKind], v);

  const nameIsValid = isValidEntityName(name);
  const namespace = isRecord(document.metadata) ? document.metadata.namespace ?? DEFAULT_NAMESPACE : DEFAULT_NAMESPACE;
  const entityRef =
    knownKind && nameIsValid && isValidNamespace(namespace)
      ? stringifyEntityRef({ kind: knownKind, namespace, name })
      : undefined;

  if (violations.length > 0 || !metadata || !entityRef || !isRecord(spec)) {
    return failure(violations, kindLabel, typeof name === 'string' ? name : undefined, entityRef);
  }
  return {
    ok: true,
    entity: {
      ref: entityRef,
      apiVersion: apiVersion as string,
      kind: kindLabel,
      metadata,
      spec,
      source,
      relations: [],
    },
  };
}

function failure(
  violations: EntityViolation[],
  kind: string,
  name: string | undefined,
  entityRef?: string,
): EntityValidation {
  const label = name === undefined ? `${kind} (unnamed)` : `${kind} ${JSON.stringify(name)}`;
  return { ok: false, entityRef, violations, message: `${label}: ${violations.map((x) => x.message).join('; ')}` };
}

function checkSpec(spec: Record<string, unknown>, rule: SpecRule, v: Violations): void {
  for (const field of rule.requiredStrings ?? []) checkString(spec, field, true, v);
  for (const field of rule.optionalStrings ?? []) checkString(spec, field, false, v);
  for (const field of rule.requiredLists ?? []) checkRefList(spec, field, true, v);
  for (const field of rule.optionalLists ?? []) checkRefList(spec, field, false, v);
  rule.extra?.(spec, v);
}

function checkString(spec: Record<string, unknown>, field: string, required: boolean, v: Violations): void {
  const value = spec[field];
  if (value === undefined) {
    if (required) v.add(['spec'], `spec.${field} is required`);
  } else if (typeof value !== 'string') {
    v.add(['spec', field], `spec.${field} must be a string, found ${describeType(value)}`);
  } else if (value.trim() === '') {
    v.add(['spec', field], `spec.${field} must not be empty`);
  }
}

function checkRefList(spec: Record<string, unknown>, field: string, required: boolean, v: Violations): void {
  const value = spec[field];
  if (value === undefined) {
    if (required) v.add(['spec'], `spec.${field} is required (a list, which may be empty: ${field}: [])`);
    return;
  }
  if (!Array.isArray(value)) {
    v.add(['spec', field], `spec.${field} must be a list of entity refs, found ${describeType(value)}`);
    return;
  }
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      v.add(['spec', field, i], `spec.${field}[${i}] must be a non-empty string, found ${describeType(item)}`);
    }
  });
}

/** `definition` is text, or a Backstage placeholder (`$text: ./openapi.yaml`) that devgraph keeps unresolved. */
function checkApiDefinition(spec: Record<string, unknown>, v: Violations): void {
  const value = spec.definition;
  if (value === undefined) {
    v.add(['spec'], 'spec.definition is required');
  } else if (isRecord(value)) {
    const keys = Object.keys(value);
    const isPlaceholder =
      keys.length === 1 && ['$text', '$json', '$yaml'].includes(keys[0] ?? '') && typeof value[keys[0] ?? ''] === 'string';
    if (!isPlaceholder) v.add(['spec', 'definition'], 'spec.definition must be a string or one $text/$json/$yaml placeholder');
  } else if (typeof value !== 'string' || value.trim() === '') {
    v.add(['spec', 'definition'], `spec.definition must be a non-empty string, found ${describeType(value)}`);
  }
}

function checkProfile(spec: Record<string, unknown>, v: Violations): void {
  const profile = spec.profile;
  if (profile === undefined) return;
  if (!isRecord(profile)) {
    v.add(['spec', 'profile'], `spec.profile must be a mapping, found ${describeType(profile)}`);
    return;
  }
  for (const field of ['displayName', 'email', 'picture']) {
    const value = profile[field];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      v.add(['spec', 'profile', field], `spec.profile.${field} must be a non-empty string, found ${describeType(value)}`);
    }
  }
}

function checkLocationTargets(spec: Record<string, unknown>, v: Violations): void {
  if (spec.target === undefined && spec.targets === undefined) {
    v.add(['spec'], 'spec.target or spec.targets is required');
  }
}
