import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import type { RunningServer } from '@devgraph/runtime';
import { gatewayConfig, postGraphQL, startCatalog, type GraphQLResponse } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import type { GatewayConfig } from '../config';
import { startGateway, type RunningGateway } from '../startGateway';
import { chainedFragments } from '../limits/chainedFragments';

/** A pass-through in front of the catalog that counts the GraphQL requests the gateway sends it. */
async function countingProxy(target: string): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    // Operations only: a health probe of /readyz is not the gateway asking the subgraph anything.
    if (req.method === 'POST') requests++;
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const FAN_OUT = 'entities(first: 500) { nodes { dependents(depth: 10) { ref } } }';
const thousandAliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${FAN_OUT}`).join(' ')} }`;

describe('query limits, through the gateway', () => {
  let catalog: RunningServer;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  const gateways: RunningGateway[] = [];

  async function gatewayWith(overrides: Partial<GatewayConfig> = {}): Promise<RunningGateway> {
    const gateway = await startGateway(gatewayConfig([{ name: 'catalog', url: proxy.url }], overrides), memoryLogger('gateway').logger);
    gateways.push(gateway);
    await gateway.ready;
    return gateway;
  }

  /** Sends the query and checks that the catalog was not asked anything for it. */
  async function rejectedBeforeSubgraphs(gateway: RunningGateway, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    const before = proxy.requests();
    const result = await postGraphQL(gateway.url, query, variables);
    expect(proxy.requests()).toBe(before);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    return result;
  }

  beforeAll(async () => {
    catalog = await startCatalog();
    proxy = await countingProxy(catalog.url);
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await proxy.close();
    await catalog.close();
  });

  describe('with the default limits', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await gatewayWith();
    });

    it('answers an ordinary query (the catalog is asked)', async () => {
      const before = proxy.requests();
      const result = await postGraphQL<{ entities: { nodes: { ref: string }[] } }>(gateway.url, '{ entities(first: 500) { nodes { ref title } } }');
      expect(result.errors).toBeUndefined();
      expect(result.data?.entities.nodes.length).toBeGreaterThan(50);
      expect(proxy.requests()).toBeGreaterThan(before);
    });

    it('rejects the fan-out with its estimated cost and the limit, before calling the catalog', async () => {
      const result = await rejectedBeforeSubgraphs(gateway, `{ ${FAN_OUT} }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 100_501, maxCost: 10_000 });
      expect(result.errors?.[0]?.message).toMatch(/cost 100501 exceeds the limit of 10000/);
    });

    it('sizes lists from the request\'s variables', async () => {
      const query = 'query($n: Int!) { entities(first: $n) { nodes { dependents(depth: 10) { ref } } } }';
      const small = await postGraphQL(gateway.url, query, { n: 2 });
      expect(small.errors).toBeUndefined();
      const big = await rejectedBeforeSubgraphs(gateway, query, { n: 500 });
      expect(big.errors?.[0]?.extensions?.cost).toBe(100_501);
    });

    it('rejects 1,000 aliases of the fan-out at the token limit, before parsing it', async () => {
      const result = await rejectedBeforeSubgraphs(gateway, thousandAliases);
      expect(result.errors?.[0]?.extensions).toMatchObject({ maxTokens: 5000 });
      expect(result.errors?.[0]?.message).toMatch(/more than 5000 tokens, the limit \(MAX_TOKENS\)/);
    });

    it('rejects a 10-level chain of fragments that each spread the next three times', async () => {
      const result = await rejectedBeforeSubgraphs(gateway, chainedFragments({ levels: 10, spreads: 3 }));
      expect(result.errors?.[0]?.extensions).toMatchObject({ cost: 3 ** 10, maxCost: 10_000, aliases: (3 ** 10 - 1) / 2, maxAliases: 30 });
    });

    it('names every limit exceeded: aliases, directives, root fields', async () => {
      const aliases = await rejectedBeforeSubgraphs(gateway, `{ entity(ref: "component:default/checkout") { ${Array.from({ length: 31 }, (_, i) => `r${i}: ref`).join(' ')} } }`);
      expect(aliases.errors?.[0]?.extensions).toMatchObject({ aliases: 31, maxAliases: 30 });
      expect(aliases.errors?.[0]?.extensions).not.toHaveProperty('cost');

      const directives = await rejectedBeforeSubgraphs(gateway, `{ entity(ref: "component:default/checkout") { ${'... @include(if: true) { ref } '.repeat(51)} } }`);
      expect(directives.errors?.[0]?.extensions).toMatchObject({ directives: 51, maxDirectives: 50 });

      const rootFields = await rejectedBeforeSubgraphs(gateway, `{ ${Array.from({ length: 21 }, (_, i) => `e${i}: entity(ref: "component:default/checkout") { ref }`).join(' ')} }`);
      expect(rootFields.errors?.[0]?.extensions).toMatchObject({ rootFields: 21, maxRootFields: 20 });
      expect(rootFields.errors?.[0]?.message).toMatch(/root fields 21 exceeds the limit of 20/);
    });

    it('lets GraphiQL\'s introspection query through (no depth or cost), but not past the alias limit', async () => {
      const introspection = await postGraphQL<{ __schema: { types: unknown[] } }>(gateway.url, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
      expect(introspection.errors).toBeUndefined();
      expect(introspection.data?.__schema.types.length).toBeGreaterThan(20);
      const aliased = await rejectedBeforeSubgraphs(gateway, `{ ${Array.from({ length: 31 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`);
      expect(aliased.errors?.[0]?.extensions).toMatchObject({ aliases: 31, maxAliases: 30 });
    });
  });

  it('rejects 1,000 aliases of the fan-out on cost alone when the token, alias and root-field limits are raised', async () => {
    const gateway = await gatewayWith({ maxTokens: 100_000, maxAliases: 5000, maxRootFields: 5000 });
    const result = await rejectedBeforeSubgraphs(gateway, thousandAliases);
    expect(result.errors?.[0]?.extensions).toMatchObject({ cost: 100_501_000, maxCost: 10_000 });
    expect(result.errors?.[0]?.extensions).not.toHaveProperty('aliases');
  });

  it('reads MAX_QUERY_COST: a lower limit turns away what the default admits', async () => {
    const gateway = await gatewayWith({ maxQueryCost: 100 });
    const result = await rejectedBeforeSubgraphs(gateway, '{ entities(first: 500) { nodes { ref title } } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ cost: 1501, maxCost: 100 });
  });
});
