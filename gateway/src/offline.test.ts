import dns from 'node:dns';
import net from 'node:net';
import { startStack } from '../../test/support/startStack';

// devgraph must run offline and private: no request leaves the machine unless the user points
// a subgraph at a real tool. Libraries that phone home (cloud metadata probes, vendor metrics)
// are caught here by recording every outgoing connection and name lookup.
describe('gateway network use', () => {
  const attempts: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  beforeAll(() => {
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      const [first] = args as [{ host?: string; port?: number } | number | string];
      if (typeof first === 'object' && first && 'host' in first) attempts.push(`${first.host}:${first.port}`);
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    (dns as { lookup: unknown }).lookup = function (host: string, ...rest: unknown[]) {
      attempts.push(`lookup ${host}`);
      return (lookup as (...a: unknown[]) => void).call(dns, host, ...rest);
    };
  });
  afterAll(() => {
    net.Socket.prototype.connect = connect;
    (dns as { lookup: unknown }).lookup = lookup;
  });

  it('connects to nothing but loopback while starting and serving', async () => {
    const stack = await startStack();
    try {
      await stack.query('{ entity(ref: "component:default/checkout") { ref } }');
      // Vendor resource detectors and exporters run asynchronously after start.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await stack.close();
    }
    const offLoopback = attempts.filter((a) => !/^(lookup )?(127\.0\.0\.1|localhost|::1)(:\d+)?$/.test(a));
    expect(offLoopback).toEqual([]);
  });
});
