import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CostWeights } from './costWeights';
import type { SupergraphOwnership } from './supergraphOwnership';

/** What the estimate needs to know about the graph; built once per composed supergraph. */
export interface CostModel {
  schema: GraphQLSchema;
  ownership: SupergraphOwnership;
  /** True for a subgraph whose fields call a tool (a registry entry with `tool`, or one devgraph does not know). */
  isUpstreamSubgraph(name: string): boolean;
  weights: CostWeights;
}

/** The figures the limits compare against, for one operation with its fragments expanded. */
export interface OperationMeasure {
  /** Estimated cost (see `CostWeights`); introspection fields count 0. */
  cost: number;
  /** Deepest field nesting; introspection fields count 0. */
  depth: number;
  /** Aliased fields, as many times as fragments repeat them. */
  aliases: number;
  /** Directive uses, as many times as fragments repeat them (operation and variable directives included). */
  directives: number;
  /** Fields at the root of the operation. */
  rootFields: number;
  /** Selections visited to compute all this: linear in the document, whatever the fragments multiply to. */
  visits: number;
}

/**
 * Figures of one selection set. The cost is kept in three parts because a connection's list
 * (`entities(first: 500) { nodes }`) takes its length from the field above it: `base` does not
 * depend on that length, `perItem` is added per item when the parent gives a length, and
 * `unsized` is added instead when it does not (the lists' assumed lengths). That keeps one
 * summary per fragment valid wherever it is spread, so each fragment is walked once.
 */
interface Summary {
  base: number;
  perItem: number;
  unsized: number;
  depth: number;
  aliases: number;
  directives: number;
  fields: number;
}

/** Figures past this are "too much" anyway; capping keeps fan-outs of 10^100 finite and 0 * x exact. */
const CAP = Number.MAX_SAFE_INTEGER;
const add = (a: number, b: number) => Math.min(a + b, CAP);
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : Math.min(a * b, CAP));
const empty = (): Summary => ({ base: 0, perItem: 0, unsized: 0, depth: 0, aliases: 0, directives: 0, fields: 0 });
const INTROSPECTION_ROOTS = new Map([
  ['__schema', '__Schema'],
  ['__type', '__Type'],
]);

/**
 * Measures an operation before it runs, in one pass over the document: every fragment is walked
 * once per subgraph it is entered from (at most the number of subgraphs), its summary reused at
 * every spread, so a chain of fragments that each spread the next twice costs linear work while
 * its figures multiply. `variables` are the request's; a missing one falls back to its declared
 * default, then to the argument's default in the schema.
 */
export function measureOperation(model: CostModel, document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): OperationMeasure {
  const { schema, ownership, weights } = model;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const variableValues = new Map<string, unknown>();
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (variables[name] !== undefined) variableValues.set(name, variables[name]);
    else if (def.defaultValue) variableValues.set(name, valueFromASTUntyped(def.defaultValue));
  }
  const memo = new Map<string, Summary>();
  const inProgress = new Set<string>();
  let visits = 0;

  const argumentValue = (node: FieldNode, field: GraphQLField<unknown, unknown>, name: string): unknown => {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (arg) {
      const value = arg.value.kind === Kind.VARIABLE ? variableValues.get(arg.value.name.value) : valueFromASTUntyped(arg.value);
      if (value !== undefined && value !== null) return value;
    }
    return field.args.find((a) => a.name === name)?.defaultValue;
  };
  const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined);

  const walkFragment = (name: string, subgraph: string | undefined): Summary => {
    const key = `${name}\0${subgraph ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    // A cycle or an unknown fragment fails validation before this runs; this only keeps it finite.
    if (!fragment || !type || !isCompositeType(type) || inProgress.has(key)) return empty();
    inProgress.add(key);
    const summary = walkSet(fragment.selectionSet, type, subgraph);
    summary.directives = add(summary.directives, fragment.directives?.length ?? 0);
    inProgress.delete(key);
    memo.set(key, summary);
    return summary;
  };

  const merge = (into: Summary, from: Summary): void => {
    into.base = add(into.base, from.base);
    into.perItem = add(into.perItem, from.perItem);
    into.unsized = add(into.unsized, from.unsized);
    into.depth = Math.max(into.depth, from.depth);
    into.aliases = add(into.aliases, from.aliases);
    into.directives = add(into.directives, from.directives);
    into.fields = add(into.fields, from.fields);
  };

  function walkSet(set: SelectionSetNode, parentType: GraphQLCompositeType, subgraph: string | undefined): Summary {
    const summary = empty();
    for (const selection of set.selections) {
      visits++;
      summary.directives = add(summary.directives, selection.directives?.length ?? 0);
      if (selection.kind === Kind.FIELD) {
        walkField(selection, parentType, subgraph, summary);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (type && isCompositeType(type)) merge(summary, walkSet(selection.selectionSet, type, subgraph));
      } else {
        merge(summary, walkFragment(selection.name.value, subgraph));
      }
    }
    return summary;
  }

  function walkField(node: FieldNode, parentType: GraphQLCompositeType, subgraph: string | undefined, into: Summary): void {
    into.fields = add(into.fields, 1);
    if (node.alias) into.aliases = add(into.aliases, 1);
    const name = node.name.value;
    const introspectionType = INTROSPECTION_ROOTS.get(name);
    if (introspectionType) {
      // GraphiQL's schema query is deep by nature and answered by the gateway itself: no cost, no
      // depth. Its aliases and directives still count: they cost parsing and validation all the same.
      const type = schema.getType(introspectionType);
      const children = node.selectionSet && type && isCompositeType(type) ? walkSet(node.selectionSet, type, subgraph) : empty();
      into.aliases = add(into.aliases, children.aliases);
      into.directives = add(into.directives, children.directives);
      return;
    }
    const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
    if (!field) {
      // `__typename` (or a field validation already rejected): a leaf, one unit.
      into.base = add(into.base, weights.field);
      into.depth = Math.max(into.depth, 1);
      return;
    }

    // Entering a subgraph other than the one resolving the parent object is a fetch; into a tool's subgraph, an upstream call.
    const owners = ownership.ownersOf(parentType.name, name);
    let fieldSubgraph = subgraph;
    let fetchCost = 0;
    if (owners.length > 0 && (subgraph === undefined || !owners.includes(subgraph))) {
      fieldSubgraph = owners.find((o) => !model.isUpstreamSubgraph(o)) ?? owners[0];
      if (fieldSubgraph !== undefined && model.isUpstreamSubgraph(fieldSubgraph)) fetchCost = weights.upstreamFetch;
    }

    const type = getNullableType(field.type);
    const named = getNamedType(field.type);
    const isObjectList = isListType(type) && isCompositeType(named);
    const first = field.args.some((a) => a.name === 'first') ? count(argumentValue(node, field, 'first')) : undefined;
    // Transitive fields walk `depth` levels: each level can bring a list's worth of entities.
    const levels = (count(argumentValue(node, field, 'depth')) ?? 1) * (argumentValue(node, field, 'recursive') === true ? weights.recursiveFactor : 1);

    let children = empty();
    if (node.selectionSet && isCompositeType(named)) children = walkSet(node.selectionSet, named, fieldSubgraph);
    // A connection (`first` on a field that is not a list) sizes the lists right under it.
    const childCost = !isObjectList && first !== undefined ? add(children.base, mul(first, children.perItem)) : add(children.base, children.unsized);
    const perItem = mul(levels, add(weights.field, childCost));

    if (isObjectList && first === undefined) {
      into.base = add(into.base, fetchCost);
      into.perItem = add(into.perItem, perItem);
      into.unsized = add(into.unsized, mul(weights.listSizes[`${parentType.name}.${name}`] ?? weights.listSizes[name] ?? weights.defaultListSize, perItem));
    } else {
      into.base = add(into.base, add(fetchCost, mul(isObjectList ? (first ?? 1) : 1, perItem)));
    }
    into.depth = Math.max(into.depth, 1 + children.depth);
    into.aliases = add(into.aliases, children.aliases);
    into.directives = add(into.directives, children.directives);
  }

  const rootType = schema.getRootType(operation.operation);
  const root = rootType ? walkSet(operation.selectionSet, rootType, undefined) : empty();
  const variableDirectives = (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  return {
    cost: add(root.base, root.unsized),
    depth: root.depth,
    aliases: root.aliases,
    directives: add(root.directives, (operation.directives?.length ?? 0) + variableDirectives),
    rootFields: root.fields,
    visits,
  };
}
