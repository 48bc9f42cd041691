import { parse, type DefinitionNode, type DocumentNode } from 'graphql';
import { DateTimeScalar } from './DateTimeScalar';
import { VOCABULARY_SDL } from './vocabularySdl';

const VOCABULARY = parse(VOCABULARY_SDL);

const nameOf = (definition: DefinitionNode) => ('name' in definition && definition.name ? definition.name.value : undefined);

/**
 * A subgraph's schema with the shared vocabulary appended: what it serves and what composition
 * reads. A type the subgraph defines itself is left as it wrote it.
 */
export function withVocabulary(subgraph: DocumentNode): DocumentNode {
  const own = new Set(subgraph.definitions.map(nameOf).filter(Boolean));
  return { ...subgraph, definitions: [...subgraph.definitions, ...VOCABULARY.definitions.filter((d) => !own.has(nameOf(d)))] };
}

/** Resolvers for the shared types; the subgraph server merges them into every subgraph's map. */
export const vocabularyResolvers = { DateTime: DateTimeScalar };
