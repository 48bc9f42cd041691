import { startStack, type Stack } from '../../../test/support/startStack';

const ALLOWED = 'https://dashboards.example.com';
const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
const post = (url: string, origin: string) =>
  fetch(url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });

describe('CORS by default: no cross-origin access', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers a preflight without any allow header', async () => {
    const response = await preflight(stack.gateway.url, ALLOWED);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect([...response.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('sends no Access-Control-Allow-Origin on an answer', async () => {
    const response = await post(stack.gateway.url, ALLOWED);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ORIGINS allowlist', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { corsOrigins: [ALLOWED, 'http://localhost:3000'] } });
  });
  afterAll(() => stack.close());

  it('answers a listed origin\'s preflight with the methods and headers it may use', async () => {
    const response = await preflight(stack.gateway.url, ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a listed origin read the answer', async () => {
    const response = await post(stack.gateway.url, 'http://localhost:3000');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('vary')).toMatch(/Origin/);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it.each(['https://evil.example.com', 'https://dashboards.example.com.evil.com', 'null'])('gives %s nothing', async (origin) => {
    const answered = await post(stack.gateway.url, origin);
    expect(answered.headers.get('access-control-allow-origin')).toBeNull();
    expect(answered.headers.get('vary')).toMatch(/Origin/);
    const preflighted = await preflight(stack.gateway.url, origin);
    expect([...preflighted.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});
