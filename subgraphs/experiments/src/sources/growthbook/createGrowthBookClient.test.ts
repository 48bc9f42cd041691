import { bearerAuth, createUpstream, upstreamPolicy, UpstreamError } from '@devgraph/runtime';
import { memoryLogger } from '../../../../../test/support/silentLogger';
import { createGrowthBookClient } from './createGrowthBookClient';
import { GROWTHBOOK } from './growthBookPolicy';

const KEY = 'secret_key_for_client_test';

function fakeFetch(answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }>) {
  const urls: URL[] = [];
  const headers: Headers[] = [];
  const fn = (async (input: URL, init: RequestInit) => {
    urls.push(new URL(String(input)));
    headers.push(new Headers(init.headers));
    const answer = answers.shift()!;
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  }) as unknown as typeof fetch;
  return { fn, urls, headers };
}

function client(fetchFn: typeof fetch, apiKey: string | null = KEY, maxPages = 5) {
  const { logger, lines } = memoryLogger('client-test');
  const upstream = createUpstream({ name: GROWTHBOOK, auth: bearerAuth(apiKey ?? undefined, 'GROWTHBOOK_API_KEY'), policy: upstreamPolicy({ retries: 0 }), logger });
  return Object.assign(createGrowthBookClient({ apiUrl: 'http://gb.test/api/', upstream, maxPages, fetch: fetchFn }), { lines, upstream });
}

const page = (ids: string[], offset: number, hasMore: boolean) => ({ experiments: ids.map((id) => ({ id })), limit: 100, offset, count: ids.length, total: 0, hasMore, nextOffset: hasMore ? offset + ids.length : null });

describe('createGrowthBookClient', () => {
  const upstreams: { close(): void }[] = [];
  const make = (...args: Parameters<typeof client>) => {
    const made = client(...args);
    upstreams.push(made.upstream);
    return made;
  };
  afterEach(() => upstreams.splice(0).forEach((u) => u.close()));

  it('pages with limit=100/offset until hasMore is false, sending the key as a bearer token', async () => {
    const f = fakeFetch([{ status: 200, body: page(['a', 'b'], 0, true) }, { status: 200, body: page(['c'], 2, false) }]);
    const list = await make(f.fn).listExperiments('prj_x');
    expect(list).toEqual({ items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], truncated: false });
    expect(f.urls.map((u) => `${u.pathname}?${u.searchParams}`)).toEqual(['/api/v1/experiments?projectId=prj_x&limit=100&offset=0', '/api/v1/experiments?projectId=prj_x&limit=100&offset=2']);
    expect(f.headers[0]!.get('authorization')).toBe(`Bearer ${KEY}`);
  });

  it('stops at the page cap and says the list is truncated', async () => {
    const f = fakeFetch([{ status: 200, body: page(['a'], 0, true) }, { status: 200, body: page(['b'], 1, true) }]);
    expect(await make(f.fn, KEY, 2).listExperiments(null)).toEqual({ items: [{ id: 'a' }, { id: 'b' }], truncated: true });
  });

  it('reads GrowthBook\'s 400 on an id lookup as "not found", but not on a list', async () => {
    const f = fakeFetch([
      { status: 400, body: { message: 'Could not find experiment with that id' } },
      { status: 400, body: { message: 'No results' } },
      { status: 400, body: { message: 'Invalid projectId' } },
    ]);
    const c = make(f.fn);
    expect(await c.getExperiment('nope')).toBeNull();
    expect(await c.getResults('nope', 0)).toBeNull();
    await expect(c.listExperiments('bad')).rejects.toMatchObject({ status: 400, kind: 'http', message: 'list experiments of bad: Invalid projectId' });
  });

  it('turns other failures into UpstreamError with status, Retry-After and a redacted message', async () => {
    const f = fakeFetch([
      { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '30' } },
      { status: 500, body: `<html>oops ${KEY}</html>` },
      { status: 401, body: { message: `bad key ${KEY}` } },
      { status: 200, body: '<html>a proxy</html>' },
    ]);
    const c = make(f.fn);
    await expect(c.listFeatures('p')).rejects.toMatchObject({ status: 429, kind: 'rate-limited', retryAfterMs: 30_000, message: 'list features of p: slow down' });
    await expect(c.getExperiment('e')).rejects.toMatchObject({ status: 500, message: 'get experiment e failed' });
    const error = await c.getExperiment('e').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe('get experiment e: bad key [REDACTED]');
    await expect(c.getExperiment('e')).rejects.toMatchObject({ status: 502, message: expect.stringContaining('other than JSON') });
    expect(c.lines.join('\n')).not.toContain(KEY);
  });

  it('fails fast with 401 when no key is configured, without calling GrowthBook', async () => {
    const f = fakeFetch([]);
    await expect(make(f.fn, null).listExperiments(null)).rejects.toMatchObject({ status: 401, message: expect.stringContaining('GROWTHBOOK_API_KEY') });
    expect(f.urls).toHaveLength(0);
  });
});
