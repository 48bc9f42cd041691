import { parse, visit, type DefinitionNode, type DocumentNode } from 'graphql';
import { DateTimeScalar } from './DateTimeScalar';
import { VOCABULARY_SDL } from './vocabularySdl';

const VOCABULARY = parse(VOCABULARY_SDL);

const nameOf = (definition: DefinitionNode) => ('name' in definition && definition.name ? definition.name.value : undefined);

/**
 * A subgraph's schema with the shared types it uses appended: what it serves and what
 * composition reads. A type the subgraph defines itself is left as it wrote it, and a type it
 * never names is not added (a subgraph without pages needs no PageInfo, nor the @shareable import).
 */
export function withVocabulary(subgraph: DocumentNode): DocumentNode {
  const own = new Set(subgraph.definitions.map(nameOf).filter(Boolean));
  const used = new Set<string>();
  visit(subgraph, { NamedType: (node) => void used.add(node.name.value) });
  const added = VOCABULARY.definitions.filter((d) => {
    const name = nameOf(d);
    return name !== undefined && used.has(name) && !own.has(name);
  });
  return added.length === 0 ? subgraph : { ...subgraph, definitions: [...subgraph.definitions, ...added] };
}

/** Resolvers for the shared types; the subgraph server merges them into every subgraph's map. */
export const vocabularyResolvers = { DateTime: DateTimeScalar };
