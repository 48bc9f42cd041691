import { Kind, type GraphQLResolveInfo } from 'graphql';
import { GithubError } from './GithubError';

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

/** GitHub's page limit per connection. */
const MAX_PAGE = 100;

/** Whether the connection field asks for records (not only `totalCount`/`pageInfo`). */
function selectsRecords(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === 'nodes' || s.name.value === 'edges'),
  );
}

/**
 * A GitHub connection over a list, with GitHub's pagination rules: records need `first` or
 * `last` (MISSING_PAGINATION_BOUNDARIES), at most 100 (EXCESSIVE_PAGINATION). Cursors are the
 * index, which is all the simulator needs.
 */
export function connection<T>(items: readonly T[], args: PageArgs, info: GraphQLResolveInfo) {
  const field = info.fieldName;
  const { first, last } = args;
  if (first == null && last == null && selectsRecords(info)) {
    throw new GithubError('MISSING_PAGINATION_BOUNDARIES', `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`);
  }
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value != null && value > MAX_PAGE) {
      throw new GithubError('EXCESSIVE_PAGINATION', `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`);
    }
  }
  const page = first != null ? items.slice(0, first) : last != null ? items.slice(Math.max(0, items.length - last)) : [...items];
  const offset = first != null || last == null ? 0 : Math.max(0, items.length - (last ?? 0));
  const cursor = (i: number) => Buffer.from(`cursor:${offset + i}`).toString('base64');
  return {
    totalCount: items.length,
    nodes: page,
    edges: page.map((node, i) => ({ node, cursor: cursor(i) })),
    pageInfo: {
      hasNextPage: offset + page.length < items.length,
      hasPreviousPage: offset > 0,
      startCursor: page.length ? cursor(0) : null,
      endCursor: page.length ? cursor(page.length - 1) : null,
    },
  };
}
