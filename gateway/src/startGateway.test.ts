import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { createMetrics, startSubgraphServer, type RunningServer } from '@devgraph/runtime';
import { gatewayConfig, postGraphQL, startCatalog, startStack, type Stack } from '../../test/support/startStack';
import { memoryLogger } from '../../test/support/silentLogger';
import { freePort } from '../../test/support/freePort';
import { startGateway } from './startGateway';
import { composeFromRepo } from './supergraph/composeFromRepo';

const DASHBOARD = `query { entity(ref: "component:default/checkout") { ref title ... on Component { testScore } } }`;

/** A second subgraph extending Component, to prove one dead subgraph leaves the rest intact. */
function startScoreSubgraph(port = 0): Promise<RunningServer> {
  return startSubgraphServer({
    name: 'scores',
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.10", import: ["@key", "@shareable"])
      type Component @key(fields: "ref") { ref: ID! testScore: Int }
      type Query { topScored: [Component!]! }
    `),
    resolvers: {
      Query: { topScored: () => [{ ref: 'component:default/checkout' }, { ref: 'component:default/cart' }] },
      Component: { __resolveReference: (c: { ref: string }) => c, testScore: () => 42 },
    },
    context: () => ({}),
    port,
    host: '127.0.0.1',
    logger: memoryLogger('scores').logger,
    metrics: createMetrics('scores'),
  });
}


describe('gateway', () => {
  it('waits for a subgraph that starts after it, answering 503 until then, and then serves', async () => {
    const port = await freePort();
    const gateway = await startGateway(gatewayConfig([{ name: 'catalog', url: `http://127.0.0.1:${port}/graphql` }]), memoryLogger().logger);
    let catalog: RunningServer | undefined;
    try {
      const early = await postGraphQL(gateway.url, '{ entities { totalCount } }');
      expect(early.status).toBe(503);
      expect(early.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect((await fetch(gateway.url.replace('/graphql', '/readyz'))).status).toBe(503);

      catalog = await startCatalog(undefined, port);
      await gateway.ready;
      const later = await postGraphQL<{ entities: { totalCount: number } }>(gateway.url, '{ entities { totalCount } }');
      expect(later.errors).toBeUndefined();
      expect(later.data?.entities.totalCount).toBeGreaterThan(50);
      expect((await fetch(gateway.url.replace('/graphql', '/readyz'))).status).toBe(200);
    } finally {
      await gateway.close();
      await catalog?.close();
    }
  });

  describe('with the catalog and a second subgraph', () => {
    let stack: Stack;
    let scores: RunningServer;
    beforeAll(async () => {
      scores = await startScoreSubgraph();
      stack = await startStack({ extraSubgraphs: [{ name: 'scores', url: scores.url }] });
    });
    afterAll(async () => {
      await stack.close();
    });

    it('joins fields from both subgraphs in one query', async () => {
      const result = await stack.query(DASHBOARD);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ entity: { ref: 'component:default/checkout', title: expect.any(String), testScore: 42 } });
    });

    it('joins into catalog entities from another subgraph (the catalog resolves _entities)', async () => {
      const result = await stack.query<{ topScored: { ref: string; title: string; owner: { ref: string } }[] }>(
        '{ topScored { ref title testScore ... on Component { owner { ... on Group { ref } } } } }',
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.topScored).toEqual([
        { ref: 'component:default/checkout', title: expect.any(String), testScore: 42, owner: { ref: 'group:default/checkout-orders' } },
        { ref: 'component:default/cart', title: expect.any(String), testScore: 42, owner: { ref: 'group:default/checkout-orders' } },
      ]);
    });

    it('rejects a query nested deeper than the limit with QUERY_TOO_COMPLEX, before calling subgraphs', async () => {
      let nested = 'ref';
      for (let i = 0; i < 10; i++) nested = `ref ... on Component { owner { ... on Group { owns { ${nested} } } } }`;
      const result = await stack.query(`{ entity(ref: "component:default/checkout") { ${nested} } }`);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(result.errors?.[0]?.message).toMatch(/depth \d+ exceeds the limit of 15/);
    });

    it('serves GraphiQL to a browser with the demo operations preloaded', async () => {
      const response = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain('ServiceDashboard');
      expect(html).toContain('OwnersIncidentsExperiments');
      expect(html).not.toMatch(/(src|href)=["']https?:/);
    });

    it('returns the other subgraphs\' data and a SUBGRAPH_UNAVAILABLE error when one subgraph is down', async () => {
      await scores.close();
      const result = await stack.query(DASHBOARD);
      expect(result.data?.entity).toMatchObject({ ref: 'component:default/checkout', title: expect.any(String), testScore: null });
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(result.errors?.[0]?.message).toContain('scores subgraph');
      // The gateway itself is still healthy and still serves catalog-only queries cleanly.
      const catalogOnly = await stack.query('{ entity(ref: "component:default/checkout") { ref } }');
      expect(catalogOnly.errors).toBeUndefined();
    });
  });

  it('serves a static supergraph written by compose, without introspecting', async () => {
    const catalog = await startCatalog();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-supergraph-'));
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    fs.writeFileSync(supergraphPath, composeFromRepo([{ name: 'catalog', url: catalog.url }]));
    const gateway = await startGateway(gatewayConfig([], { supergraphPath }), memoryLogger().logger);
    try {
      await gateway.ready;
      const result = await postGraphQL<{ entity: { name: string } }>(gateway.url, '{ entity(ref: "group:default/checkout-orders") { name } }');
      expect(result.data?.entity.name).toBe('checkout-orders');
    } finally {
      await gateway.close();
      await catalog.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
