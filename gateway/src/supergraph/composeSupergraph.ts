import { composeServices } from '@apollo/composition';
import { parse, Source, type GraphQLError } from 'graphql';

export interface SubgraphSchema {
  name: string;
  url: string;
  sdl: string;
}

/** Composition failed: `message` lists each error with the subgraph and type that broke it. */
export class CompositionError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(`Supergraph composition failed:\n${errors.map((e) => `  - ${describeCompositionError(e)}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** `[catalog] type Component: ...`: composition messages name the field; we add where it lives. */
export function describeCompositionError(error: GraphQLError): string {
  const subgraphs = [...new Set((error.nodes ?? []).map((n) => n.loc?.source.name).filter(Boolean))];
  const typeName = /"([A-Z_][A-Za-z0-9_]*)(?:\.[A-Za-z0-9_]+)?"/.exec(error.message)?.[1];
  const where = [subgraphs.length ? `subgraph ${subgraphs.map((s) => `"${s}"`).join(', ')}` : '', typeName ? `type "${typeName}"` : '']
    .filter(Boolean)
    .join(', ');
  const code = error.extensions?.code ? `${String(error.extensions.code)}: ` : '';
  return `${where ? `${where}: ` : ''}${code}${error.message}`;
}

/** Compose subgraph SDLs into a supergraph with Apollo's own composition (what rover runs). */
export function composeSupergraph(subgraphs: readonly SubgraphSchema[]): string {
  // Naming each Source after its subgraph makes every error node say where it came from.
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(new Source(s.sdl, s.name)) })),
  );
  if (result.errors?.length) throw new CompositionError(result.errors);
  if (!result.supergraphSdl) throw new CompositionError([]);
  return result.supergraphSdl;
}
