/**
 * Backstage entity refs: `[<kind>:][<namespace>/]<name>`.
 *
 * Parsing follows `parseEntityRef` in @backstage/catalog-model: the kind is everything before the
 * first `:` unless a `/` comes first, the namespace is what sits between that and the first `/`,
 * the name is the rest (so `component:default/a:b` has the name `a:b`). Backstage compares refs
 * case-insensitively and its `stringifyEntityRef` lower-cases all three parts; so does ours, which
 * is what makes `get('Component:default/Payments')` find `component:default/payments`.
 */
import type { EntityRefParts } from '../types';

export const DEFAULT_NAMESPACE = 'default';

/**
 * Backstage's runtime name check (`KubernetesValidatorFunctions.isValidObjectName`). It is a
 * little looser than the documented "sequences of [a-zA-Z0-9] separated by [-_.]" (it accepts
 * `a--b`); we use the runtime rule so that nothing Backstage accepts is rejected here.
 */
const NAME_PATTERN = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAMESPACE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_LENGTH = 63;

/** The rules in words, for error messages that tell the author how to fix the value. */
export const ENTITY_NAME_RULE =
  `${NAME_PATTERN.source} (letters and digits, optionally separated by "-", "_" or ".", at most ${MAX_LENGTH} characters)`;
export const NAMESPACE_RULE =
  `${NAMESPACE_PATTERN.source} (lower-case letters and digits separated by "-", at most ${MAX_LENGTH} characters)`;

export interface ParseEntityRefContext {
  /** Kind used when the ref has none; without it a ref without kind is an error. */
  defaultKind?: string;
  /** Namespace used when the ref has none; `default` when not given (Backstage's rule). */
  defaultNamespace?: string;
}

/**
 * Parses a ref, filling in the defaults. The returned kind is lower-case; namespace and name are
 * as written. Throws an Error naming the ref when it is empty, has an empty part, or has no kind
 * and no default kind was given.
 */
export function parseEntityRef(ref: string, context: ParseEntityRefContext = {}): EntityRefParts {
  if (typeof ref !== 'string' || ref.length === 0) {
    throw new Error(`Entity ref must be a non-empty string, got ${JSON.stringify(ref)}`);
  }
  const slash = ref.indexOf('/');
  let colon = ref.indexOf(':');
  if (slash !== -1 && slash < colon) colon = -1;

  const kind = colon === -1 ? undefined : ref.slice(0, colon);
  const namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  if (kind === '' || namespace === '' || name === '') {
    throw new Error(`Entity ref "${ref}" is not of the form [<kind>:][<namespace>/]<name>`);
  }

  const resolvedKind = kind ?? context.defaultKind;
  if (!resolvedKind) {
    throw new Error(`Entity ref "${ref}" has no kind; write it as <kind>:${ref} (e.g. component:${ref})`);
  }
  return {
    kind: resolvedKind.toLowerCase(),
    namespace: namespace ?? (context.defaultNamespace || DEFAULT_NAMESPACE),
    name,
  };
}

/** The canonical `kind:namespace/name`, all parts lower-case (Backstage's `stringifyEntityRef`). */
export function stringifyEntityRef(parts: { kind: string; namespace?: string; name: string }): string {
  const namespace = parts.namespace || DEFAULT_NAMESPACE;
  return `${parts.kind}:${namespace}/${parts.name}`.toLowerCase();
}

/** Parses and re-stringifies: the one way any ref string becomes an index key. */
export function normalizeEntityRef(ref: string, context: ParseEntityRefContext = {}): string {
  return stringifyEntityRef(parseEntityRef(ref, context));
}

export function isValidEntityName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_LENGTH && NAME_PATTERN.test(value);
}

export function isValidNamespace(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_LENGTH && NAMESPACE_PATTERN.test(value);
}
