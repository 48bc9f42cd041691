import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode =
  /** Forward every request. */
  | 'pass'
  /** Accept requests and never answer, until `release()` or `close()` (a frozen subgraph). */
  | 'hang'
  /**
   * Answer the first request on each connection, reset the connection when a second one arrives
   * on it: exactly what a client sees when it reuses a keep-alive socket the server is closing.
   */
  | 'reset-reused';

export interface FaultProxy {
  url: string;
  mode: FaultMode;
  /** Connections reset in `reset-reused` mode. */
  resets: number;
  /** Requests received and held in `hang` mode so far. */
  held: number;
  /** Every request received, in any mode. */
  received: number;
  /** Resolves when `held` reaches `count`. */
  whenHeld(count: number): Promise<void>;
  /**
   * Ends the hang: held requests are forwarded and answered, or, given `answer`, answered with it
   * instead (a failing subgraph) without reaching the subgraph.
   */
  release(answer?: { status: number; body: string }): void;
  close(): Promise<void>;
}

/** An HTTP proxy in front of a subgraph's `/graphql` that injects one fault at a time. */
export async function createFaultProxy(target: string): Promise<FaultProxy> {
  const requestsOnSocket = new WeakMap<Socket, number>();
  const heldRequests: { send: () => void; res: http.ServerResponse }[] = [];
  const heldWaiters: { count: number; resolve: () => void }[] = [];

  const forward = async (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const upstream = await fetch(target, { method: req.method, headers, body: req.method === 'GET' ? undefined : body });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      proxy.received += 1;
      const seen = (requestsOnSocket.get(req.socket) ?? 0) + 1;
      requestsOnSocket.set(req.socket, seen);
      const body = Buffer.concat(chunks);
      if (proxy.mode === 'reset-reused' && seen > 1) {
        proxy.resets += 1;
        req.socket.resetAndDestroy();
        return;
      }
      const send = () => void forward(req, res, body).catch(() => res.destroy());
      if (proxy.mode !== 'hang') return send();
      heldRequests.push({ send, res });
      proxy.held += 1;
      for (const waiter of heldWaiters.filter((w) => proxy.held >= w.count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}/graphql`,
    mode: 'pass',
    resets: 0,
    held: 0,
    received: 0,
    whenHeld: (count) => (proxy.held >= count ? Promise.resolve() : new Promise((resolve) => heldWaiters.push({ count, resolve }))),
    release(answer) {
      proxy.mode = 'pass';
      for (const { send, res } of heldRequests.splice(0)) {
        if (answer) res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
        else send();
      }
    },
    async close() {
      proxy.release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return proxy;
}
