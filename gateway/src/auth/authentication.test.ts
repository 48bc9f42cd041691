import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { startRegisteredStack, type RegisteredStack } from '../../../test/support/startRegisteredStack';
import { loadApiKeys } from './loadApiKeys';

const ISSUER = 'https://login.example.test/';
const AUDIENCE = 'devgraph';
const SECRET = crypto.randomBytes(32).toString('base64');
const TOTAL = expect.any(Number) as number;
const BOTH = '{ entities(first: 1) { totalCount } repository(owner: "fernhollow", name: "checkout") { name } }';

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** An issuer's JWKS endpoint on 127.0.0.1 whose published keys the test rotates. */
async function startJwksServer(initial: SigningKey[]) {
  const state = { keys: initial, fetches: 0 };
  const server = http.createServer((_req, res) => {
    state.fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: state.keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function token(key: SigningKey, claims: Record<string, unknown> = {}, options: { issuer?: string; audience?: string; expiresIn?: string | number } = {}) {
  return new SignJWT({ email: 'jane.doe@fernhollow.example', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setSubject('jane')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key.privateKey);
}

async function post(url: string, query: string, authorization?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate'), body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; path?: unknown[]; extensions: { code: string } }[] } };
}

const sha256 = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

describe('who may ask: AUTH_MODE=jwt,apikey through the gateway, subgraphs signed', () => {
  let first: SigningKey;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let stack: RegisteredStack;
  let dir: string;
  const keys = { everything: 'dg_everything_0123456789abcdef', catalogOnly: 'dg_catalog_0123456789abcdef' };

  beforeAll(async () => {
    first = await newKey('key-1');
    jwks = await startJwksServer([first]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-keys-'));
    const file = path.join(dir, 'api-keys.yaml');
    fs.writeFileSync(
      file,
      [
        `- name: nightly-report`,
        `  sha256: ${sha256(keys.everything)}`,
        `  user: user:default/jane.doe`,
        `- name: catalog-exporter`,
        `  sha256: ${sha256(keys.catalogOnly)}`,
        `  scopes: [catalog]`,
      ].join('\n'),
    );
    stack = await startRegisteredStack({
      only: ['catalog', 'scm'],
      // The test asks Query.repository directly, which production keeps off (SCM_ALLOW_ANY_REPOSITORY).
      env: { SUBGRAPH_SECRET: SECRET, SCM_ALLOW_ANY_REPOSITORY: 'true' },
      gateway: {
        subgraphSecret: SECRET,
        auth: {
          methods: ['jwt', 'apikey'],
          // No cooldown: the rotation test's second fetch must not wait 30 s.
          jwt: { jwksUrl: jwks.url, issuer: ISSUER, audience: [AUDIENCE], clockSkewSeconds: 0, userClaim: 'email', scopesClaim: 'devgraph_scopes', jwksCooldownMs: 0 },
          apiKeys: loadApiKeys(file),
        },
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await jwks?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a valid JWT with data from every subgraph (signed by the gateway)', async () => {
    const response = await post(stack.gateway.url, BOTH, `Bearer ${await token(first)}`);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ entities: { totalCount: TOTAL }, repository: { name: 'checkout' } });
  });

  it('answers a known API key', async () => {
    const response = await post(stack.gateway.url, '{ entities(first: 1) { totalCount } }', `Bearer ${keys.everything}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ entities: { totalCount: TOTAL } });
  });

  it.each([
    ['no credentials', async () => undefined, /Authentication required/],
    ['a non-Bearer header', async () => 'Basic amFuZTpzZWNyZXQ=', /must be "Bearer <token>"/],
    ['an unknown API key', async () => 'Bearer dg_not_a_key', /API key is not known/],
    ['an expired JWT', async () => `Bearer ${await token(first, {}, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`, /expired/],
    ['a JWT from another issuer', async () => `Bearer ${await token(first, {}, { issuer: 'https://evil.example/' })}`, /issuer/],
    ['a JWT for another audience', async () => `Bearer ${await token(first, {}, { audience: 'another-app' })}`, /audience/],
    ['a JWT with a bad signature', async () => `Bearer ${(await token(first)).slice(0, -6)}AAAAAA`, /signature is invalid/],
    ['a JWT signed by a key the issuer does not publish', async () => `Bearer ${await token(await newKey('key-unknown'))}`, /unknown kid/],
  ])('refuses %s: 401 UNAUTHENTICATED, WWW-Authenticate: Bearer, no data', async (_name, authorization, message) => {
    const response = await post(stack.gateway.url, BOTH, await authorization());
    expect(response.status).toBe(401);
    expect(response.wwwAuthenticate).toMatch(/^Bearer/);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(response.body.errors![0]!.message).toMatch(message);
  });

  it('accepts tokens from a rotated key: an unknown kid refetches the JWKS', async () => {
    const second = await newKey('key-2');
    jwks.state.keys = [second];
    const before = jwks.state.fetches;
    const response = await post(stack.gateway.url, '{ entities(first: 1) { totalCount } }', `Bearer ${await token(second)}`);
    expect(response.body.data).toEqual({ entities: { totalCount: TOTAL } });
    expect(jwks.state.fetches).toBeGreaterThan(before);
    jwks.state.keys = [first, second];
  });

  it('answers a field of a tool outside the caller\'s scopes null with FORBIDDEN, and the rest of the query', async () => {
    for (const authorization of [`Bearer ${keys.catalogOnly}`, `Bearer ${await token(first, { devgraph_scopes: 'openid catalog' })}`]) {
      const response = await post(stack.gateway.url, BOTH, authorization);
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ entities: { totalCount: TOTAL }, repository: null });
      expect(response.body.errors?.map((e) => [e.path, e.extensions.code])).toEqual([[['repository'], 'FORBIDDEN']]);
    }
  });

  it('keeps /healthz and /readyz open', async () => {
    for (const p of ['/healthz', '/readyz']) expect((await fetch(stack.gateway.url.replace('/graphql', p))).status).toBe(200);
  });

  it('loads the GraphiQL page without a token (its queries need one)', async () => {
    const response = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });
});
