import { parse } from 'graphql';
import { createMetrics } from '../createMetrics';
import { startSubgraphServer, type RunningServer } from '../server/startSubgraphServer';
import { memoryLogger } from '../../../../test/support/silentLogger';
import { readSubgraphTrust, type SubgraphTrust } from './readSubgraphTrust';
import { signSubgraphRequest, signaturePayload, hmacSignature } from './subgraphSignature';
import type { CallerIdentity } from './CallerIdentity';

const SECRET = 'a-test-secret-of-enough-length-0123';
const NOW = 1_750_000_000_000;
const JANE: CallerIdentity = { kind: 'jwt', subject: 'jane', email: 'jane@example.test', scopes: ['tiny'] };
const typeDefs = parse('extend schema @link(url: "https://specs.apollo.dev/federation/v2.10", import: ["@shareable"]) type Query { hello: String whoami: String }');

async function startTiny(trust: SubgraphTrust): Promise<RunningServer> {
  return startSubgraphServer<{ identity?: CallerIdentity }>({
    name: 'tiny',
    typeDefs,
    resolvers: { Query: { hello: () => 'world', whoami: (_: unknown, __: unknown, ctx: { identity?: CallerIdentity }) => ctx.identity?.subject ?? null } },
    context: ({ identity }) => ({ identity }),
    port: 0,
    host: '127.0.0.1',
    logger: memoryLogger('tiny').logger,
    metrics: createMetrics('tiny'),
    trust,
    now: () => NOW,
  });
}

async function post(url: string, body: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] } };
}

const signed = (query: string, identity?: CallerIdentity, iat = NOW / 1000) => ({ query, extensions: signSubgraphRequest(SECRET, { query }, identity ? { identity, iat } : undefined) });

describe('a subgraph with SUBGRAPH_SECRET serves only gateway-signed requests', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTiny({ mode: 'signed', secret: SECRET });
  });
  afterAll(() => server.close());

  it('refuses an unsigned direct call with 401 UNAUTHENTICATED', async () => {
    const response = await post(server.url, { query: '{ hello }' });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(response.body.data).toBeUndefined();
  });

  it('serves a signed call and hands the signed identity to the context', async () => {
    const response = await post(server.url, signed('{ hello whoami }', JANE));
    expect(response).toEqual({ status: 200, body: { data: { hello: 'world', whoami: 'jane' } } });
  });

  it('accepts a Hive Gateway signature (no devgraph envelope): base64 HMAC of the stable JSON of query and variables', async () => {
    const query = 'query($n: Boolean!) { hello @include(if: $n) }';
    const variables = { n: true };
    // What @graphql-hive's useHmacSignatureValidation computes: jsonStableStringify({ query, variables }).
    expect(signaturePayload({ query, variables })).toBe('{"query":"query($n: Boolean!) { hello @include(if: $n) }","variables":{"n":true}}');
    const response = await post(server.url, { query, variables, extensions: { 'hmac-signature': hmacSignature(SECRET, signaturePayload({ query, variables })) } });
    expect(response).toEqual({ status: 200, body: { data: { hello: 'world' } } });
  });

  it.each([
    ['a tampered query', (b: ReturnType<typeof signed>) => ({ ...b, query: '{ hello whoami __typename }' })],
    ['tampered variables', (b: ReturnType<typeof signed>) => ({ ...b, variables: { extra: 1 } })],
    ['an edited identity', (b: ReturnType<typeof signed>) => ({ ...b, extensions: { ...b.extensions, devgraph: { identity: { ...JANE, subject: 'admin' }, iat: NOW / 1000 } } })],
    ['a stripped identity', (b: ReturnType<typeof signed>) => ({ ...b, extensions: { 'hmac-signature': b.extensions['hmac-signature'] } })],
  ])('refuses %s with 401', async (_name, tamper) => {
    const response = await post(server.url, tamper(signed('{ hello whoami }', JANE)));
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a signature older than five minutes (replay)', async () => {
    const response = await post(server.url, signed('{ hello }', JANE, NOW / 1000 - 301));
    expect(response.status).toBe(401);
  });

  it('answers FORBIDDEN when the signed scopes do not name this subgraph (defence in depth)', async () => {
    const response = await post(server.url, signed('{ hello }', { ...JANE, scopes: ['catalog'] }));
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('lets anyone read the schema (_service { sdl }) and the health endpoints, nothing more', async () => {
    expect((await post(server.url, { query: '{ _service { sdl } }' })).status).toBe(200);
    expect((await post(server.url, { query: '{ _service { sdl } hello }' })).status).toBe(401);
    for (const p of ['/healthz', '/readyz']) expect((await fetch(server.url.replace('/graphql', p))).status).toBe(200);
  });
});

describe('SUBGRAPH_AUTH and the loopback rule', () => {
  it('SUBGRAPH_AUTH=off serves unsigned calls', async () => {
    const server = await startTiny({ mode: 'off' });
    try {
      expect(await post(server.url, { query: '{ hello }' })).toEqual({ status: 200, body: { data: { hello: 'world' } } });
    } finally {
      await server.close();
    }
  });

  it('without a secret: open on loopback, refuses to start on any other address', () => {
    expect(readSubgraphTrust({ SUBGRAPH_AUTH: 'on' }, '127.0.0.1')).toEqual({ mode: 'open' });
    expect(readSubgraphTrust({ SUBGRAPH_AUTH: 'on' }, '::1')).toEqual({ mode: 'open' });
    expect(() => readSubgraphTrust({ SUBGRAPH_AUTH: 'on' }, '0.0.0.0')).toThrow(/^Configuration error: SUBGRAPH_SECRET is not set and HOST=0\.0\.0\.0 is not loopback/);
    expect(readSubgraphTrust({ SUBGRAPH_AUTH: 'off' }, '0.0.0.0')).toEqual({ mode: 'off' });
    expect(readSubgraphTrust({ SUBGRAPH_AUTH: 'on', SUBGRAPH_SECRET: SECRET }, '0.0.0.0')).toEqual({ mode: 'signed', secret: SECRET });
  });
});
