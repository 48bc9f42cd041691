/** A page as data sources return it: items with one opaque cursor each, in the same order. */
export interface ConnectionPage<T> {
  items: T[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * The Relay connection fields (`edges`, `nodes`, `pageInfo`, `totalCount`) for any such page,
 * so every subgraph's connections page the same way.
 */
export function connectionResolvers<T>() {
  return {
    edges: (page: ConnectionPage<T>) => page.items.map((node, i) => ({ cursor: page.cursors[i]!, node })),
    nodes: (page: ConnectionPage<T>) => page.items,
    pageInfo: (page: ConnectionPage<T>) => ({
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    }),
    totalCount: (page: ConnectionPage<T>) => page.totalCount,
  };
}
