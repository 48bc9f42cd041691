import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { DevgraphError, ErrorCode } from '@devgraph/runtime';

export interface QueryLimitOptions {
  /** Deepest field nesting allowed, counting fragments as inlined (default 15). */
  maxDepth?: number;
}

/** Depth of a selection set, following fragment spreads once each (a cycle cannot loop). */
export function selectionDepth(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + selectionDepth(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      const next = new Set(seen).add(name);
      deepest = Math.max(deepest, selectionDepth(fragments[name]?.selectionSet, fragments, next));
    }
  }
  return deepest;
}

/**
 * Rejects operations nested deeper than the limit before any subgraph is called: relation
 * fields (owner -> owns -> owner ...) make unbounded fan-out trivially easy to write.
 * Introspection (GraphiQL's schema fetch is deep by nature) is exempt.
 */
export function useQueryLimits(options: QueryLimitOptions = {}): ApolloServerPlugin {
  const maxDepth = options.maxDepth ?? 15;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation) return;
          const rootFields = operation.selectionSet.selections;
          if (rootFields.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const depth = selectionDepth(operation.selectionSet, fragments);
          if (depth > maxDepth) {
            throw new DevgraphError(ErrorCode.QueryTooComplex, `Query depth ${depth} exceeds the limit of ${maxDepth}; ask for fewer nested levels or split the query.`, {
              details: { depth, maxDepth, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
