import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startCatalog } from '../../../test/support/startStack';
import { startGithubSimulator } from '../simulator/startGithubSimulator';
import { startScmStack, TEST_TOKEN, type ScmStack } from './startScmStack';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Jest cannot skip asynchronously: probe synchronously in a child process (any RESP reply counts). */
function redisReachable(url: string): boolean {
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

const reachable = redisReachable(redisUrl);
if (!reachable) console.warn(`scm shared Redis cache test SKIPPED: no Redis answered at ${new URL(redisUrl).host} (set REDIS_URL to run it).`);

(reachable ? describe : describe.skip)('two scm subgraph instances sharing one Redis', () => {
  const prefix = `devgraph-scm-test:${randomUUID()}`;
  let a: ScmStack;
  let b: ScmStack;
  let admin: Redis;

  beforeAll(async () => {
    admin = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    const simulator = await startGithubSimulator({ token: TEST_TOKEN });
    const catalog = await startCatalog();
    const cache = { redisUrl, keyPrefix: `${prefix}:` };
    a = await startScmStack({ sharedSimulator: simulator, sharedCatalog: catalog, cache });
    b = await startScmStack({ sharedSimulator: simulator, sharedCatalog: catalog, cache });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await a.catalog.close();
    await a.simulator.close();
    // Only this test's keys: never flush a Redis others may use.
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  it('a repository fetched through one instance is served by the other without calling GitHub', async () => {
    const query = `{ entity(ref: "component:default/checkout") { ... on Component { repository { nameWithOwner commits(first: 3) { oid } } } } }`;
    const first = await a.query(query);
    expect(first.errors).toBeUndefined();
    expect(a.githubCalls()).toBe(1);
    expect((await admin.keys(`${prefix}:github:*`)).length).toBeGreaterThanOrEqual(2); // info + commits parts

    const second = await b.query(query);
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(b.githubCalls()).toBe(1); // the same simulator: still the one call instance A made
  });
});
