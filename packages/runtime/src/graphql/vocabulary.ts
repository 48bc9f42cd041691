import { DateTimeScalar } from './DateTimeScalar';
import { VOCABULARY_SDL } from './vocabularySdl';

/** A subgraph's SDL with the shared vocabulary appended: what it serves and what composition reads. */
export const withVocabulary = (subgraphSdl: string): string => `${subgraphSdl.trimEnd()}\n${VOCABULARY_SDL}`;

/** Resolvers for the shared types; the subgraph server merges them into every subgraph's map. */
export const vocabularyResolvers = { DateTime: DateTimeScalar };
