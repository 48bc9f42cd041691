import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { documentHash, loadApiKeys, type GatewayConfig } from '@devgraph/gateway';
import { startRegisteredStack, type RegisteredStack } from './support/startRegisteredStack';

// Trusted documents and rate limits as script authors meet them: a real API key through the
// gateway, its identity deciding the exemption and the bucket.
const SECRET = crypto.randomBytes(32).toString('base64');
const KEYS = { script: 'dg_script_0123456789abcdef0123', analyst: 'dg_analyst_0123456789abcdef012' };
const TRUSTED = 'query Count { entities { totalCount } }';
const UNTRUSTED = '{ entities(first: 1) { nodes { ref } } }';
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
}

async function post(url: string, key: string, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

let dir: string;
const gatewayWith = (overrides: Partial<GatewayConfig>): Partial<GatewayConfig> => ({
  subgraphSecret: SECRET,
  auth: { methods: ['apikey'], apiKeys: loadApiKeys(path.join(dir, 'api-keys.yaml')) },
  ...overrides,
});

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-edge-keys-'));
  fs.writeFileSync(
    path.join(dir, 'api-keys.yaml'),
    [`- name: nightly-script`, `  sha256: ${sha256(KEYS.script)}`, `- name: analyst`, `  sha256: ${sha256(KEYS.analyst)}`, `  allowUntrustedDocuments: true`].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'persisted-documents.json'), JSON.stringify({ [documentHash(TRUSTED)]: TRUSTED }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('TRUSTED_DOCUMENTS=only with API keys', () => {
  let stack: RegisteredStack;
  beforeAll(async () => {
    stack = await startRegisteredStack({
      only: ['catalog'],
      env: { SUBGRAPH_SECRET: SECRET },
      gateway: gatewayWith({ trustedDocuments: 'only', trustedDocumentsPath: path.join(dir, 'persisted-documents.json') }),
    });
  });
  afterAll(async () => stack?.close());

  it("serves a script's manifest document by id", async () => {
    const answer = await post(stack.gateway.url, KEYS.script, { documentId: documentHash(TRUSTED) });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ entities: { totalCount: expect.any(Number) } });
  });

  it("refuses a script's document outside the manifest before running it", async () => {
    const answer = await post(stack.gateway.url, KEYS.script, { query: UNTRUSTED });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(answer.body.data).toBeUndefined();
  });

  it("runs an analyst key's ad-hoc document: its key is exempt", async () => {
    const answer = await post(stack.gateway.url, KEYS.analyst, { query: UNTRUSTED });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ entities: { nodes: [{ ref: expect.any(String) }] } });
  });
});

describe('RATE_LIMIT_PER_MINUTE per API key', () => {
  let stack: RegisteredStack;
  beforeAll(async () => {
    // One request a minute: the bucket cannot refill between two requests of this test however
    // slow the machine is.
    stack = await startRegisteredStack({ only: ['catalog'], env: { SUBGRAPH_SECRET: SECRET }, gateway: gatewayWith({ rateLimitPerMinute: 1 }) });
  });
  afterAll(async () => stack?.close());

  it("answers 429 with Retry-After once a key's bucket is empty, and keeps other keys' buckets apart", async () => {
    const query = { query: '{ entities { totalCount } }' };
    expect((await post(stack.gateway.url, KEYS.script, query)).status).toBe(200);
    const limited = await post(stack.gateway.url, KEYS.script, query);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect((await post(stack.gateway.url, KEYS.analyst, query)).status).toBe(200);
  });
});
