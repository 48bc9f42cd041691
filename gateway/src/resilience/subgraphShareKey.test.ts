import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SubgraphDataSource } from '../subgraphDataSource';
import { ANONYMOUS, TOOL_SCOPES, type GatewayContext, type Identity } from '../auth/Identity';
import type { SubgraphFetchBudget, SubgraphFetcher } from './createSubgraphFetcher';

/** A data source over a fetcher that records the budget each fetch was given. */
function dataSource(dedup?: boolean) {
  const budgets: SubgraphFetchBudget[] = [];
  const fetcher: SubgraphFetcher = {
    fetch: async (_url, _init, budget) => {
      budgets.push(budget);
      return new Response('{"data":{}}', { headers: { 'content-type': 'application/json' } });
    },
    close: () => undefined,
  };
  const source = new SubgraphDataSource({ name: 'scm', url: 'http://127.0.0.1:9/graphql', fetcher, secret: 'test-secret', ...(dedup !== undefined && { dedup }) });
  // Apollo's request-kind enum is not exported; an incoming operation is recognised by its request context.
  const process = (query: string, identity: Identity = ANONYMOUS, variables: Record<string, unknown> = {}) =>
    source.process({ request: { query, variables }, context: { identity }, incomingRequestContext: {}, document: undefined } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
  return { budgets, process };
}

const QUERY = 'query($ref: ID!) { _entities(representations: [{ __typename: "Component", ref: $ref }]) { __typename } }';
const person = (subject: string, extra: Partial<Identity> = {}): Identity => ({ kind: 'apikey', subject, scopes: new Set(TOOL_SCOPES), ...extra });

describe('which subgraph fetches may share an answer', () => {
  it('keys a query on document, variables and the signed caller; never a mutation', async () => {
    const { budgets, process } = dataSource();
    await process(QUERY, ANONYMOUS, { ref: 'component:default/checkout' });
    await process(QUERY, ANONYMOUS, { ref: 'component:default/checkout' });
    await process(QUERY, ANONYMOUS, { ref: 'component:default/payments' });
    await process(QUERY, person('alice', { userRef: 'user:default/alice' }), { ref: 'component:default/checkout' });
    await process(QUERY, person('alice', { userRef: 'user:default/bob' }), { ref: 'component:default/checkout' });
    await process(QUERY, person('alice', { userRef: 'user:default/alice', scopes: new Set(['catalog', 'scm'] as const) }), { ref: 'component:default/checkout' });
    await process('mutation { restart }');
    const keys = budgets.map((b) => b.shareKey);
    expect(keys[0]).toBeDefined();
    expect(keys[1]).toBe(keys[0]);
    // Other variables, another user, other scopes: each its own key.
    expect(new Set(keys.slice(1, 6)).size).toBe(5);
    expect(keys[6]).toBeUndefined();
  });

  it('keys nothing with SUBGRAPH_DEDUP=off', async () => {
    const { budgets, process } = dataSource(false);
    await process(QUERY, ANONYMOUS, { ref: 'component:default/checkout' });
    expect(budgets[0]?.shareKey).toBeUndefined();
  });
});
