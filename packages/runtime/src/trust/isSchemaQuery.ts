import { Kind, parse, type SelectionSetNode } from 'graphql';

/** Longer documents are never the SDL query; they are not parsed before the signature is checked. */
const MAX_SCHEMA_QUERY_LENGTH = 500;

const only = (set: SelectionSetNode | undefined, names: readonly string[]) =>
  set !== undefined &&
  set.selections.every((s) => s.kind === Kind.FIELD && names.includes(s.name.value) && (s.directives ?? []).length === 0 && (s.arguments ?? []).length === 0);

/**
 * True for a document asking nothing but `_service { sdl }`, the federation schema query. It
 * exposes the schema and no data, so unsigned callers may send it: `npm run compose`, the
 * gateway's introspection and tools like `rover subgraph introspect` keep working without the
 * secret. Any other field next to it makes the request need a signature.
 */
export function isSchemaQuery(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > MAX_SCHEMA_QUERY_LENGTH) return false;
  try {
    const document = parse(query);
    if (document.definitions.length !== 1) return false;
    const operation = document.definitions[0]!;
    if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query' || (operation.directives ?? []).length > 0) return false;
    if (!only(operation.selectionSet, ['_service', '__typename'])) return false;
    return operation.selectionSet.selections.every((s) => s.kind !== Kind.FIELD || s.name.value !== '_service' || only(s.selectionSet, ['sdl', '__typename']));
  } catch {
    return false;
  }
}
