export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  /** Response-level extensions, e.g. `stale` (which tools served cached data past its freshness). */
  extensions?: Record<string, unknown>;
}

/** POST one operation the way a user's script would: plain HTTP, JSON in, JSON out. */
export async function postGraphQL<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
}
