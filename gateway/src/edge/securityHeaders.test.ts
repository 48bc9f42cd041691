import { startStack, type Stack } from '../../../test/support/startStack';
import { API_CONTENT_SECURITY_POLICY } from './useSecurityHeaders';

let stack: Stack;
let base: string;

beforeAll(async () => {
  stack = await startStack();
  base = stack.gateway.url.replace('/graphql', '');
});
afterAll(() => stack.close());

const json = { 'content-type': 'application/json' };

async function assetUrl(): Promise<string> {
  const html = await (await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).text();
  return /src="(\/graphiql\/assets\/[^"]+)"/.exec(html)?.[1] ?? '';
}

describe('every gateway response carries the security headers', () => {
  it.each<[string, () => Promise<Response>]>([
    ['a GraphQL answer', () => fetch(`${base}/graphql`, { method: 'POST', headers: json, body: '{"query":"{ __typename }"}' })],
    ['a GraphQL error', () => fetch(`${base}/graphql`, { method: 'POST', headers: json, body: '{"query":"{ nope }"}' })],
    ['/healthz', () => fetch(`${base}/healthz`)],
    ['/readyz', () => fetch(`${base}/readyz`)],
    ['/metrics', () => fetch(`${base}/metrics`)],
    ['a 404', () => fetch(`${base}/nothing-here`)],
    ['a 405', () => fetch(`${base}/graphql`, { method: 'PUT' })],
    ['a 415', () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })],
    ['a malformed body', () => fetch(`${base}/graphql`, { method: 'POST', headers: json, body: '{"query":' })],
    ['the GraphiQL page', () => fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })],
    ['a GraphiQL asset', async () => fetch(`${base}${await assetUrl()}`)],
  ])('%s', async (_name, request) => {
    const response = await request();
    await response.arrayBuffer();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('Content-Security-Policy', () => {
  it('locks non-HTML responses down completely', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
  });

  it("gives the GraphiQL page a policy allowing only its own assets and its inline boot script's hash", async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const policy = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/https?:|\*/);
    // The hash in the policy is the hash of the one executable inline script in the page.
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(policy).toContain(`'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`);
  });
});
