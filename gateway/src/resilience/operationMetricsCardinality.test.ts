import { startStack, type Stack } from '../../../test/support/startStack';
import { loadExampleOperations } from '../graphiql';
import { DEFAULT_EXAMPLE_QUERIES_DIR } from '../config';
import { knownOperationNames } from './knownOperationNames';

jest.setTimeout(60_000);

/** The distinct `operation` label values of the operations counter in a Prometheus exposition. */
async function operationLabels(metricsUrl: string): Promise<Set<string>> {
  const text = await (await fetch(metricsUrl)).text();
  return new Set([...text.matchAll(/^devgraph_graphql_operations_total\{[^}]*operation="([^"]*)"/gm)].map((m) => m[1]!));
}

describe('operation metrics', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { subgraphHealthIntervalMs: 0 } });
  });
  afterAll(() => stack.close());

  it('label only known operation names: 500 invented names add one series, `other`', async () => {
    const known = knownOperationNames({ documents: (await loadExampleOperations(DEFAULT_EXAMPLE_QUERIES_DIR)).map((o) => o.query) });
    expect(known.size).toBeGreaterThan(0);
    const [knownName] = [...known];

    for (let i = 0; i < 500; i++) {
      const response = await stack.query(`query Invented${i} { entity(ref: "component:default/checkout") { ref } }`);
      expect(response.errors).toBeUndefined();
    }
    await stack.query(`query ${knownName} { entity(ref: "component:default/checkout") { ref } }`);

    const gatewayLabels = await operationLabels(new URL('/metrics', stack.gateway.url).href);
    expect(gatewayLabels.size).toBeLessThanOrEqual(known.size + 1);
    expect(gatewayLabels).toEqual(new Set(['other', knownName]));

    // The subgraph sees the gateway's names for its fetches (client name + suffix): bounded the same way.
    const catalogLabels = await operationLabels(new URL('/metrics', stack.catalog.url).href);
    expect([...catalogLabels].every((label) => label === 'other' || label === 'anonymous')).toBe(true);
  });
});
