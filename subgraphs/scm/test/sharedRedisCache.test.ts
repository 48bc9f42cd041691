import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startCatalog } from '../../../test/support/startStack';
import { describeWithRedis, TEST_REDIS_URL } from '../../../test/support/redis';
import { startGithubSimulator } from '../simulator/startGithubSimulator';
import { startScmStack, TEST_TOKEN, type ScmStack } from './startScmStack';

const redisUrl = TEST_REDIS_URL;

describeWithRedis('scm shared Redis cache test')('two scm subgraph instances sharing one Redis', () => {
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
