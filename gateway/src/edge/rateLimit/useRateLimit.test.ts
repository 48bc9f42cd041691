import { randomUUID } from 'node:crypto';
import { startStack, type Stack } from '../../../../test/support/startStack';
import { memoryLogger } from '../../../../test/support/silentLogger';
import { describeWithRedis, TEST_REDIS_URL } from '../../../../test/support/redis';
import { createMemoryRateLimitStore } from './createMemoryRateLimitStore';
import { useRateLimit } from './useRateLimit';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Identity } from '../../auth/Identity';

const QUERY = '{ __typename }';

async function post(url: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { extensions: { code: string } }[] } };
}

describe('RATE_LIMIT_PER_MINUTE through the gateway (in memory)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { rateLimitPerMinute: 3 } });
  });
  afterAll(() => stack.close());

  it('answers 429 RATE_LIMITED with Retry-After once an anonymous caller used its minute', async () => {
    for (let i = 0; i < 3; i++) expect((await post(stack.gateway.url)).status).toBe(200);
    const refused = await post(stack.gateway.url);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(20);
    // Health checks are not GraphQL calls and are never limited.
    expect((await fetch(stack.gateway.url.replace('/graphql', '/healthz'))).status).toBe(200);
  });
});

describeWithRedis('rate limit in Redis through two gateways')('RATE_LIMIT_PER_MINUTE with REDIS_URL', () => {
  let first: Stack;
  let second: Stack;
  beforeAll(async () => {
    const shared = { rateLimitPerMinute: 4, redisUrl: TEST_REDIS_URL, cachePrefix: `devgraph-test-${randomUUID()}` };
    first = await startStack({ gateway: shared });
    second = await startStack({ gateway: shared });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('makes replicas share one bucket per caller', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post((i % 2 ? first : second).gateway.url)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});

describe('useRateLimit keys', () => {
  /** An app whose "auth" sets the identity from a test header, with an injected clock. */
  async function appWith(now: () => number) {
    const app = express();
    app.use((req, res, next) => {
      const subject = req.header('x-test-subject');
      if (subject) res.locals.identity = { kind: 'apikey', subject, scopes: new Set() } satisfies Identity;
      next();
    });
    app.use(useRateLimit({ perMinute: 1, store: createMemoryRateLimitStore({ perMinute: 1 }), logger: memoryLogger().logger, now }));
    app.get('/', (_req, res) => void res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('limits each identity on its own and refills with the injected clock', async () => {
    let time = 0;
    const app = await appWith(() => time);
    try {
      const as = (subject: string) => fetch(app.url, { headers: { 'x-test-subject': subject } }).then((r) => r.status);
      expect(await as('alice')).toBe(200);
      expect(await as('alice')).toBe(429);
      expect(await as('bob')).toBe(200);
      const refused = await fetch(app.url, { headers: { 'x-test-subject': 'alice' } });
      expect(refused.headers.get('retry-after')).toBe('60');
      time += 60_000;
      expect(await as('alice')).toBe(200);
    } finally {
      await app.close();
    }
  });
});
