import { Kind, parse, type ConstDirectiveNode, type DefinitionNode } from 'graphql';

/** Which subgraphs can resolve a field, as the supergraph's join directives say. */
export interface SupergraphOwnership {
  /** Subgraph names that resolve `Type.field`; empty for a type the supergraph does not join (introspection). */
  ownersOf(typeName: string, fieldName: string): readonly string[];
}

const argString = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.ENUM || value?.kind === Kind.STRING ? value.value : undefined;
};
const argTrue = (directive: ConstDirectiveNode, name: string): boolean => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.BOOLEAN && value.value;
};

/**
 * Reads `@join__type` / `@join__field` from a composed supergraph (federation 2 join spec, the
 * names `@apollo/composition` writes): a field with `@join__field(graph:)` entries is resolved by
 * those subgraphs (an `external` one only provides the key, it does not resolve); a field
 * without is resolved by every subgraph that defines its type (shared value types, keys).
 * This is the query planner's own source of truth, so no hand-written list goes stale.
 */
export function supergraphOwnership(supergraphSdl: string | undefined): SupergraphOwnership {
  // Without a supergraph (a plain schema) nothing is joined: every field is its parent's.
  const definitions = supergraphSdl ? parse(supergraphSdl).definitions : [];
  const graphNames = new Map<string, string>();
  for (const def of definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const name = value.directives?.find((d) => d.name.value === 'join__graph');
      graphNames.set(value.name.value, (name && argString(name, 'name')) ?? value.name.value.toLowerCase());
    }
  }
  const graphOf = (directive: ConstDirectiveNode): string | undefined => {
    const graph = argString(directive, 'graph');
    return graph === undefined ? undefined : (graphNames.get(graph) ?? graph.toLowerCase());
  };

  const owners = new Map<string, readonly string[]>();
  for (const def of definitions) addType(def);

  function addType(def: DefinitionNode): void {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) return;
    const typeGraphs = (def.directives ?? []).filter((d) => d.name.value === 'join__type').map(graphOf).filter((g): g is string => g !== undefined);
    for (const field of def.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const fieldGraphs = joins.filter((d) => !argTrue(d, 'external') && !argTrue(d, 'usedOverridden')).map(graphOf).filter((g): g is string => g !== undefined);
      owners.set(`${def.name.value}.${field.name.value}`, [...new Set(fieldGraphs.length > 0 ? fieldGraphs : typeGraphs)]);
    }
  }

  return { ownersOf: (typeName, fieldName) => owners.get(`${typeName}.${fieldName}`) ?? [] };
}
