import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetcher, type SubgraphFetchBudget } from './createSubgraphFetcher';
import { SubgraphTimeoutError } from './SubgraphTimeoutError';

/** A subgraph that holds every request until `answerAll()`, and reports requests whose client gave up. */
async function startHoldingServer() {
  const held: http.ServerResponse[] = [];
  const closedEarly: string[] = [];
  let abandoned: () => void = () => undefined;
  const firstAbandoned = new Promise<void>((resolve) => (abandoned = resolve));
  const arrivals: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      held.push(res);
      res.on('close', () => {
        if (res.writableFinished) return;
        closedEarly.push(req.url ?? '');
        abandoned();
      });
      for (const waiter of arrivals.filter((w) => held.length >= w.count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    held,
    closedEarly,
    /** Resolves when a client closes a request before its answer. */
    firstAbandoned,
    whenArrived: (count: number) => (held.length >= count ? Promise.resolve() : new Promise<void>((resolve) => arrivals.push({ count, resolve }))),
    answerAll: () => held.splice(0).forEach((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}')),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const budget = (overrides: Partial<SubgraphFetchBudget> = {}): SubgraphFetchBudget => ({ timeoutMs: 60_000, budget: 'subgraph', idempotent: true, ...overrides });
const POST = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' };

describe('createSubgraphFetcher: sharing a fetch in flight', () => {
  let server: Awaited<ReturnType<typeof startHoldingServer>>;
  const fetcher = createSubgraphFetcher();
  beforeEach(async () => {
    server = await startHoldingServer();
  });
  afterEach(() => server.close());
  afterAll(() => fetcher.close());

  it('lets a waiter whose budget runs out give up alone: the others still get the answer from the one request', async () => {
    const outcomes: string[] = [];
    const patient = fetcher.fetch(server.url, POST, budget({ shareKey: 'k', onFetch: (o) => outcomes.push(o) }));
    await server.whenArrived(1);
    const hasty = fetcher.fetch(server.url, POST, budget({ shareKey: 'k', timeoutMs: 50, budget: 'request', onFetch: (o) => outcomes.push(o) }));
    await expect(hasty).rejects.toEqual(new SubgraphTimeoutError(50, 'request'));
    // The request is still open on the server: one waiter remains.
    expect(server.closedEarly).toEqual([]);
    server.answerAll();
    const response = await patient;
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(outcomes).toEqual(['sent', 'shared']);
  });

  it('aborts the request when its last waiter gives up, and the next fetch is sent afresh', async () => {
    await expect(fetcher.fetch(server.url, POST, budget({ shareKey: 'k', timeoutMs: 50 }))).rejects.toBeInstanceOf(SubgraphTimeoutError);
    await server.whenArrived(1);
    // Nobody waits any more: the connection is closed, not left to run to the subgraph's answer.
    await server.firstAbandoned;
    expect(server.closedEarly).toHaveLength(1);
    const outcomes: string[] = [];
    const next = fetcher.fetch(server.url, POST, budget({ shareKey: 'k', onFetch: (o) => outcomes.push(o) }));
    await server.whenArrived(2);
    server.answerAll();
    expect((await next).status).toBe(200);
    expect(outcomes).toEqual(['sent']);
  });

  it('gives each waiter its own Response, and never shares fetches without a key or with different keys', async () => {
    const shared = [fetcher.fetch(server.url, POST, budget({ shareKey: 'a' })), fetcher.fetch(server.url, POST, budget({ shareKey: 'a' }))];
    const other = fetcher.fetch(server.url, POST, budget({ shareKey: 'b' }));
    const unkeyed = [fetcher.fetch(server.url, POST, budget()), fetcher.fetch(server.url, POST, budget())];
    await server.whenArrived(4);
    server.answerAll();
    const responses = await Promise.all([...shared, other, ...unkeyed]);
    expect(responses[0]).not.toBe(responses[1]);
    for (const response of responses) expect(await response.json()).toEqual({ data: { ok: true } });
    expect(server.held).toHaveLength(0);
  });
});
