/**
 * The operations the scale benchmark times, as users and the gateway send them, and a check of
 * each first answer so a row never times an error.
 */
import type { CatalogProbes } from './generateSyntheticCatalog';

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

export interface BenchOperation {
  query: string;
  variables?: Record<string, unknown>;
  /**
   * Throws, saying what is wrong, when the first answer is not what the row means to time;
   * may return a note on the answer (e.g. how many results it holds).
   */
  check(answer: GraphQLAnswer): string | void;
}

/** POST one operation over HTTP, as a user's script or the gateway does. */
export async function postOperation(url: string, operation: Pick<BenchOperation, 'query' | 'variables'>): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  if (!response.ok && response.status !== 400) throw new Error(`HTTP ${response.status} from ${url}`);
  return (await response.json()) as GraphQLAnswer;
}

function noErrors(answer: GraphQLAnswer): Record<string, unknown> {
  if (answer.errors?.length) throw new Error(describeErrors(answer));
  if (!answer.data) throw new Error('no data in the answer');
  return answer.data;
}

/** `500 errors, e.g. "..."`: one line however many items failed. */
export function describeErrors(answer: GraphQLAnswer): string {
  const messages = [...new Set((answer.errors ?? []).map((e) => e.message))];
  return `${answer.errors?.length ?? 0} error(s), e.g. ${messages.slice(0, 2).map((m) => JSON.stringify(m)).join(', ')}`;
}

const PAGE = `query Page($filter: EntityFilter) {
  entities(filter: $filter, first: 20) { totalCount nodes { ref title } pageInfo { hasNextPage endCursor } }
}`;

function page(filter: Record<string, unknown>, expectAtLeast: number): BenchOperation {
  return {
    query: PAGE,
    variables: { filter },
    check(answer) {
      const { entities } = noErrors(answer) as { entities: { totalCount: number; nodes: unknown[] } };
      if (entities.totalCount < expectAtLeast || entities.nodes.length === 0) {
        throw new Error(`expected at least ${expectAtLeast} matches, got totalCount ${entities.totalCount}`);
      }
      return `${entities.totalCount} matches`;
    },
  };
}

/** `entities(filter: {kind: ["component"], lifecycle: "production", owner: <team>}, first: 20)`. */
export const filteredPage = (probes: CatalogProbes) =>
  page({ kind: ['component'], lifecycle: 'production', owner: probes.team.name }, probes.team.productionComponents);

/** The same without the owner: no selective index, a scan over every component. */
export const unselectivePage = () => page({ kind: ['component'], lifecycle: 'production' }, 1);

/** What the gateway sends to resolve 500 Component references in one go. */
export function entitiesBatch(refs: readonly string[]): BenchOperation {
  return {
    query: 'query($r:[_Any!]!){ _entities(representations:$r){ ... on Component { ref title } } }',
    variables: { r: refs.map((ref) => ({ __typename: 'Component', ref })) },
    check(answer) {
      const { _entities: found } = noErrors(answer) as { _entities: ({ ref?: string } | null)[] };
      const resolved = found.filter((e) => e?.ref).length;
      if (resolved !== refs.length) throw new Error(`_entities resolved ${resolved} of ${refs.length} refs`);
      return `${resolved} refs`;
    },
  };
}
