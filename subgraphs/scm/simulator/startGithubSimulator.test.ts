import type { Simulator } from '@devgraph/simulator-kit';
import { githubFaults } from './githubFaults';
import { startGithubSimulator } from './startGithubSimulator';

const TOKEN = 'sim-test-token-123456';

describe('GitHub simulator', () => {
  let sim: Simulator;
  const post = async (query: string, variables?: Record<string, unknown>, token: string | null = TOKEN) => {
    const res = await fetch(`${sim.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[]; message?: string } };
  };
  beforeAll(async () => {
    sim = await startGithubSimulator({ token: TOKEN, referenceDate: new Date('2025-06-01T00:00:00Z'), rateLimit: { remaining: 3 } });
  });
  afterAll(() => sim.close());

  it('rejects a missing or wrong token with GitHub\'s 401 body', async () => {
    expect(await post('{ viewer { login } }', undefined, null)).toMatchObject({ status: 401, body: { message: 'This endpoint requires you to be authenticated.' } });
    expect(await post('{ viewer { login } }', undefined, 'wrong')).toMatchObject({ status: 401, body: { message: 'Bad credentials' } });
  });

  it('answers an unknown repository with HTTP 200, partial data and a NOT_FOUND error on its alias', async () => {
    const { status, body, headers } = await post('{ a: repository(owner: "fernhollow", name: "cart") { nameWithOwner } b: repository(owner: "fernhollow", name: "nope") { nameWithOwner } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ a: { nameWithOwner: 'fernhollow/cart' }, b: null });
    expect(body.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['b'], message: "Could not resolve to a Repository with the name 'fernhollow/nope'." })]);
    expect(headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('fails invalid queries against the real schema, and enforces pagination bounds', async () => {
    const invalid = await post('{ repository(owner: "fernhollow", name: "cart") { starCount } }');
    expect(invalid.status).toBe(200);
    expect(invalid.body.errors?.[0]?.message).toMatch(/starCount/);
    const unbounded = await post('{ repository(owner: "fernhollow", name: "cart") { pullRequests { nodes { number } } } }');
    expect(unbounded.body.errors?.[0]).toMatchObject({ type: 'MISSING_PAGINATION_BOUNDARIES' });
  });

  it('answers RATE_LIMITED once the budget is spent, and plays back injected GitHub faults', async () => {
    await post('{ viewer { login } }');
    const limited = await post('{ viewer { login } }');
    expect(limited.status).toBe(200);
    expect(limited.body.errors).toEqual([expect.objectContaining({ type: 'RATE_LIMITED' })]);
    sim.inject(githubFaults.secondaryRateLimit(30, 1));
    const secondary = await post('{ viewer { login } }');
    expect(secondary.status).toBe(403);
    expect(secondary.headers.get('retry-after')).toBe('30');
  });
});

describe('GitHub simulator search', () => {
  let sim: Simulator;
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${sim.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer ${TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    return { body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] } };
  };
  beforeAll(async () => {
    sim = await startGithubSimulator({ token: TOKEN, referenceDate: new Date('2025-06-01T00:00:00Z') });
  });
  afterAll(() => sim.close());

  it("answers GitHub's issue search for pull requests awaiting someone's review, newest first", async () => {
    const query = `query($q: String!) { search(query: $q, type: ISSUE, first: 5) { issueCount nodes { ... on PullRequest { number state isDraft createdAt repository { nameWithOwner } } } } }`;
    const { body } = await ask(query, { q: 'is:pr is:open review-requested:gmwangi' });
    expect(body.errors).toBeUndefined();
    const search = body.data!.search as { issueCount: number; nodes: { state: string; isDraft: boolean; createdAt: string; repository: { nameWithOwner: string } }[] };
    expect(search.issueCount).toBeGreaterThan(0);
    expect(search.nodes.every((n) => n.state === 'OPEN' && !n.isDraft)).toBe(true);
    expect(search.nodes.map((n) => n.createdAt)).toEqual(search.nodes.map((n) => n.createdAt).sort().reverse());
    const one = await ask(query, { q: `is:pr is:open review-requested:gmwangi repo:${search.nodes[0]!.repository.nameWithOwner}` });
    expect((one.body.data!.search as { issueCount: number }).issueCount).toBe(1);
    const nobody = await ask(query, { q: 'is:pr is:open review-requested:nobody-here' });
    expect(nobody.body.data!.search).toEqual({ issueCount: 0, nodes: [] });
    const unsupported = await ask(query, { q: 'is:pr label:bug' });
    expect(unsupported.body.errors?.[0]).toMatchObject({ type: 'INVALID_ARGUMENTS', message: expect.stringMatching(/label:/) });
  });
});
