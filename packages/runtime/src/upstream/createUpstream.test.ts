import { Writable } from 'node:stream';
import { createLogger } from '../createLogger';
import { createMetrics } from '../createMetrics';
import { createMemoryCache } from '../cache';
import { ErrorCode, toGraphQLError, UpstreamError } from '../errors';
import { createUpstream, type UpstreamOptions } from './createUpstream';
import { bearerAuth, noAuth, pagerDutyTokenAuth } from './upstreamAuth';
import { upstreamPolicy } from './upstreamPolicy';

const TOKEN = 'ghp_secret_token_123456';

function setup(overrides: Partial<UpstreamOptions> = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const metrics = createMetrics('test');
  const upstream = createUpstream({
    name: 'github',
    auth: bearerAuth(TOKEN, 'GITHUB_TOKEN', 'bearer'),
    policy: upstreamPolicy({ retries: 2, breaker: { volumeThreshold: 3, resetTimeoutMs: 60_000 } }),
    logger: createLogger({ service: 'test', level: 'debug', destination }),
    metrics,
    random: () => 0.5,
    sleep: async () => undefined,
    ...overrides,
  });
  opened.push(upstream);
  const counted = async () => (await metrics.upstreamCalls.get()).values.map((v) => ({ ...v.labels, value: v.value }));
  return { upstream, metrics, lines, counted };
}

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((u) => u.close()));

const http = (status: number, message = `HTTP ${status}`, extra: Partial<ConstructorParameters<typeof UpstreamError>[0]> = {}) =>
  new UpstreamError({ upstream: 'github', status, message, ...extra });

describe('createUpstream', () => {
  it('writes each tool credential in its own header, and none when unset', () => {
    expect(bearerAuth('t0ken', 'X', 'bearer').headers()).toEqual({ Authorization: 'bearer t0ken' });
    expect(bearerAuth('t0ken').headers()).toEqual({ Authorization: 'Bearer t0ken' });
    expect(pagerDutyTokenAuth('k3y').headers()).toEqual({ Authorization: 'Token token=k3y' });
    expect(bearerAuth(undefined).headers()).toEqual({});
    expect(noAuth.headers()).toEqual({});
  });

  it('refuses to call without a credential, naming the variable to set', () => {
    const { upstream } = setup({ auth: bearerAuth(undefined, 'GITHUB_TOKEN') });
    let thrown: unknown;
    try {
      upstream.requireCredential('POST /graphql');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status: 401, upstream: 'github' });
    expect(toGraphQLError(thrown).extensions.code).toBe(ErrorCode.Unauthenticated);
    expect((thrown as Error).message).toContain('set GITHUB_TOKEN');
  });

  it('counts every outcome under the same two labels', async () => {
    const { upstream, counted } = setup({ policy: upstreamPolicy({ retries: 0 }) });
    await upstream.call(async () => 'ok', 'one');
    await expect(upstream.call(async () => Promise.reject(http(404)), 'two')).rejects.toThrow();
    await expect(upstream.call(async () => Promise.reject(http(503)), 'three')).rejects.toThrow();
    await expect(upstream.call(async () => Promise.reject(http(429, 'slow down', { kind: 'rate-limited' })), 'four')).rejects.toThrow();
    upstream.skipped();
    expect(await counted()).toEqual(
      expect.arrayContaining([
        { upstream: 'github', outcome: 'ok', value: 1 },
        { upstream: 'github', outcome: 'not_found', value: 1 },
        { upstream: 'github', outcome: 'http_5xx', value: 1 },
        { upstream: 'github', outcome: 'rate_limited', value: 1 },
        { upstream: 'github', outcome: 'skipped', value: 1 },
      ]),
    );
  });

  it('removes the token from an error message the tool echoed it in', async () => {
    const { upstream, lines } = setup({ policy: upstreamPolicy({ retries: 1 }) });
    const echoed = http(500, `bad credentials ${TOKEN} rejected`);
    const error = await upstream.call(async () => Promise.reject(echoed), 'echo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).not.toContain(TOKEN);
    expect((error as Error).message).toContain('[REDACTED]');
    expect(toGraphQLError(error).message).not.toContain(TOKEN);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.some((l) => l.includes('"event":"give-up"'))).toBe(true);
  });

  it('does not open the circuit on rate limits: they keep their own code', async () => {
    const { upstream } = setup({ policy: upstreamPolicy({ retries: 0, breaker: { volumeThreshold: 2, resetTimeoutMs: 60_000 } }) });
    for (let i = 0; i < 6; i++) {
      const error = await upstream.call(async () => Promise.reject(http(429, 'rate limited', { kind: 'rate-limited' })), 'limited').catch((e: unknown) => e);
      expect(toGraphQLError(error).extensions.code).toBe(ErrorCode.UpstreamRateLimited);
    }
    expect(upstream.state()).toBe('closed');
  });

  it('opens the circuit on repeated 5xx, says so in the log and the gauge, and then fails fast', async () => {
    const { upstream, metrics, lines } = setup({ policy: upstreamPolicy({ retries: 0, breaker: { volumeThreshold: 2, resetTimeoutMs: 60_000 } }) });
    const operation = jest.fn(async () => Promise.reject(http(502)));
    await expect(upstream.call(operation, 'a')).rejects.toThrow();
    await expect(upstream.call(operation, 'b')).rejects.toThrow();
    expect(upstream.state()).toBe('open');
    const rejected = await upstream.call(operation, 'c').catch((e: unknown) => e);
    expect(operation).toHaveBeenCalledTimes(2);
    expect(toGraphQLError(rejected).extensions.code).toBe(ErrorCode.UpstreamUnavailable);
    expect((await metrics.upstreamCircuit.get()).values).toEqual([expect.objectContaining({ labels: { upstream: 'github' }, value: 1 })]);
    expect(lines.some((l) => l.includes('"level":40') && l.includes('github circuit-open'))).toBe(true);
  });

  it('serves a stale cached value when the tool fails, counting and logging it', async () => {
    let now = 1_000_000;
    const { upstream, metrics, lines } = setup({ now: () => now, policy: upstreamPolicy({ retries: 0 }) });
    const cache = createMemoryCache({ maxEntries: 10, now: () => now });
    const policy = { namespace: 'github', version: 1, ttlSeconds: 60, staleSeconds: 3600 };
    const first = await upstream.cached(cache, policy, 'k', async () => 'fresh');
    expect(first).toMatchObject({ value: 'fresh', stale: false });
    now += 120_000;
    const second = await upstream.cached(cache, policy, 'k', async () => Promise.reject(http(503, `down ${TOKEN}`)));
    expect(second).toMatchObject({ value: 'fresh', stale: true });
    expect((await metrics.upstreamStaleServed.get()).values).toEqual([expect.objectContaining({ labels: { upstream: 'github' }, value: 1 })]);
    const line = lines.find((l) => l.includes('served stale data'));
    expect(line).toBeDefined();
    expect(line).not.toContain(TOKEN);
  });

  it('logs stale serves once per minute with a count, while the metric counts each', async () => {
    let now = 1_000_000;
    const { upstream, metrics, lines } = setup({ now: () => now, policy: upstreamPolicy({ retries: 0 }) });
    const cache = createMemoryCache({ maxEntries: 100, now: () => now });
    const policy = { namespace: 'github', version: 1, ttlSeconds: 60, staleSeconds: 3600 };
    for (let i = 0; i < 50; i++) await upstream.cached(cache, policy, `k${i}`, async () => i);
    now += 120_000;
    const down = async () => Promise.reject(http(503));
    for (let i = 0; i < 50; i++) await upstream.cached(cache, policy, `k${i}`, down);
    now += 61_000;
    await upstream.cached(cache, policy, 'k0', down);
    const staleLines = lines.filter((l) => l.includes('served stale data')).map((l) => JSON.parse(l) as { alsoServedStaleSinceLastLine: number });
    expect(staleLines.map((l) => l.alsoServedStaleSinceLastLine)).toEqual([0, 49]);
    expect((await metrics.upstreamStaleServed.get()).values[0]?.value).toBe(51);
  });

  describe('stale budget (policy.staleAfterMs)', () => {
    const POLICY = { namespace: 'repo', version: 1, ttlSeconds: 60, staleSeconds: 3600 };
    /** A load the test answers when it chooses: the "hang" lasts until `answer` is called. */
    const controlled = <T>() => {
      let answer!: (value: T) => void;
      const load = jest.fn(() => new Promise<T>((resolve) => (answer = resolve)));
      return { load, answer: (value: T) => answer(value) };
    };

    it('serves the stale value after the budget while the refresh hangs, then stores the refresh result', async () => {
      let clock = 1_000_000;
      const cache = createMemoryCache({ maxEntries: 100, now: () => clock });
      const { upstream } = setup({ policy: upstreamPolicy({ staleAfterMs: 20 }), now: () => clock });
      await upstream.cached(cache, POLICY, 'checkout', async () => 'v1');
      clock += 61_000; // past the TTL: the next read refreshes

      const slow = controlled<string>();
      const result = await upstream.cached(cache, POLICY, 'checkout', slow.load);
      // Answered while the load is still pending (it has not been answered yet).
      expect(result).toMatchObject({ value: 'v1', stale: true });
      expect(slow.load).toHaveBeenCalledTimes(1);

      // A second reader meanwhile joins the same refresh rather than calling the tool again.
      const second = controlled<string>();
      await expect(upstream.cached(cache, POLICY, 'checkout', second.load)).resolves.toMatchObject({ value: 'v1', stale: true });
      expect(second.load).not.toHaveBeenCalled();

      slow.answer('v2');
      // The background write lands; wait for it as a condition, not a duration.
      while ((await cache.get<string>('repo:1:checkout'))?.value !== 'v2') await new Promise((resolve) => setImmediate(resolve));
      await expect(upstream.cached(cache, POLICY, 'checkout', async () => 'unused')).resolves.toMatchObject({ value: 'v2', stale: false });
      await cache.close();
    });

    it('waits for the load when nothing is cached', async () => {
      const cache = createMemoryCache({ maxEntries: 100 });
      const { upstream } = setup({ policy: upstreamPolicy({ staleAfterMs: 1 }) });
      const slow = controlled<string>();
      const pending = upstream.cached(cache, POLICY, 'cart', slow.load);
      let settled = false;
      void pending.then(() => (settled = true));
      // Past the budget (a macrotask later, repeatedly) and still waiting: there is nothing stale to serve.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 2));
      expect(settled).toBe(false);
      slow.answer('fresh');
      await expect(pending).resolves.toMatchObject({ value: 'fresh', stale: false });
      await cache.close();
    });
  });
});
