import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeReady } from './probeReady';

/**
 * Ports `fetch` refuses to connect to (the WHATWG "bad port" list); a few, in case one is
 * taken on this machine.
 */
const BAD_PORTS = [6000, 6665, 6666, 6667, 6668, 6669, 6697, 10080];

async function listen(server: http.Server, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
}

async function serveOnABadPort(handler: http.RequestListener): Promise<{ server: http.Server; port: number } | undefined> {
  for (const port of BAD_PORTS) {
    const server = http.createServer(handler);
    if (await listen(server, port)) return { server, port };
  }
  return undefined;
}

const close = (server: http.Server) => new Promise((resolve) => server.close(resolve));

describe('probeReady', () => {
  it('sees a service on a port fetch refuses (6000 and the like)', async () => {
    const served = await serveOnABadPort((_req, res) => res.end('ok'));
    if (!served) {
      console.warn(`every port of ${BAD_PORTS.join(', ')} is taken; skipping the bad-port readiness check`);
      return;
    }
    try {
      const url = `http://127.0.0.1:${served.port}/readyz`;
      // The reason for node:http: fetch would call this service not ready forever.
      await expect(fetch(url)).rejects.toThrow();
      await expect(probeReady(url)).resolves.toBe(true);
    } finally {
      await close(served.server);
    }
  });

  it('is false while the service answers 503, true once it answers 200', async () => {
    let ready = false;
    const server = http.createServer((_req, res) => {
      res.statusCode = ready ? 200 : 503;
      res.end();
    });
    await listen(server, 0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
    try {
      await expect(probeReady(url)).resolves.toBe(false);
      ready = true;
      await expect(probeReady(url)).resolves.toBe(true);
    } finally {
      await close(server);
    }
  });

  it('is false when nothing listens, and when the service does not answer in time', async () => {
    const silent = http.createServer(() => undefined);
    await listen(silent, 0);
    const port = (silent.address() as AddressInfo).port;
    try {
      await expect(probeReady(`http://127.0.0.1:${port}/readyz`, 50)).resolves.toBe(false);
    } finally {
      silent.closeAllConnections();
      await close(silent);
    }
    await expect(probeReady(`http://127.0.0.1:${port}/readyz`)).resolves.toBe(false);
  });
});
