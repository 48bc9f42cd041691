import type { RunningServer } from '@devgraph/runtime';
import { startGateway, type RunningGateway } from '../startGateway';
import { gatewayConfig, postGraphQL, startCatalog } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import type { GatewayConfig } from '../config';
import { createFaultProxy, type FaultProxy } from './test/createFaultProxy';

jest.setTimeout(30_000);

const ENTITY = `{ entity(ref: "component:default/checkout") { ref title } }`;

describe('subgraph connection faults', () => {
  let catalog: RunningServer;
  let proxy: FaultProxy;
  let gateway: RunningGateway | undefined;

  beforeAll(async () => {
    catalog = await startCatalog();
  });
  beforeEach(async () => {
    proxy = await createFaultProxy(catalog.url);
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await proxy.close();
  });
  afterAll(() => catalog.close());

  const start = async (overrides: Partial<GatewayConfig> = {}) => {
    const logged = memoryLogger('gateway');
    gateway = await startGateway(gatewayConfig([{ name: 'catalog', url: proxy.url }], { subgraphHealthIntervalMs: 0, ...overrides }), logged.logger);
    await gateway.ready;
    return { gateway, logged };
  };

  it('sends a query again when the subgraph reset the reused keep-alive connection before answering', async () => {
    const { gateway, logged } = await start();
    proxy.mode = 'reset-reused';
    // Every other query goes out on a pooled connection, which the proxy resets.
    for (let i = 0; i < 4; i++) {
      const response = await postGraphQL(gateway.url, ENTITY);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ entity: { ref: 'component:default/checkout', title: expect.any(String) } });
    }
    expect(proxy.resets).toBeGreaterThanOrEqual(1);
    expect(logged.lines.filter((line) => line.includes('reset a reused connection before answering'))).toHaveLength(proxy.resets);
  });

  it('answers SUBGRAPH_TIMEOUT when the request budget runs out before the subgraph timeout, before the hang ends', async () => {
    const { gateway } = await start({ subgraphTimeoutMs: 120_000, requestTimeoutMs: 800 });
    proxy.mode = 'hang';
    const response = await postGraphQL(gateway.url, ENTITY);
    // The proxy still holds the request: the answer came from the budget, not from the hang ending.
    expect(proxy.mode).toBe('hang');
    expect(proxy.held).toBeGreaterThanOrEqual(1);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ entity: null });
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/catalog subgraph did not answer before the request's time budget \(REQUEST_TIMEOUT_MS\) ran out/),
        extensions: expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'catalog', timeoutMs: expect.any(Number) }),
      }),
    ]);
  });
});
