import { execFileSync } from 'node:child_process';

/** The Redis tests use: `REDIS_URL`, or the machine's default server. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Jest cannot decide to skip asynchronously, so reachability is probed synchronously in a child
 * process: any RESP reply to PING (even an auth error) means a server is there.
 */
export function redisReachable(url = TEST_REDIS_URL): boolean {
  const { hostname, port } = new URL(url);
  const probe = `
    const socket = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname || '127.0.0.1')});
    socket.setTimeout(1000, () => process.exit(1));
    socket.on('error', () => process.exit(1));
    socket.on('connect', () => socket.write('PING\\r\\n'));
    socket.on('data', (d) => process.exit(/^[+-]/.test(d.toString()) ? 0 : 1));`;
  try {
    execFileSync(process.execPath, ['-e', probe], { timeout: 3000, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `describe` when Redis answers, otherwise `describe.skip` with a loud warning naming what was skipped. */
export function describeWithRedis(what: string): jest.Describe {
  if (redisReachable()) return describe;
  console.warn(`${what} SKIPPED: no Redis answered at ${new URL(TEST_REDIS_URL).host} (set REDIS_URL to run it).`);
  return describe.skip;
}
