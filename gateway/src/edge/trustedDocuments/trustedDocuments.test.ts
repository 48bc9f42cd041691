import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startStack, type Stack } from '../../../../test/support/startStack';
import { DEFAULT_EXAMPLE_QUERIES_DIR } from '../../config';
import type { Identity } from '../../auth/Identity';
import { buildTrustedDocuments, documentHash } from './buildTrustedDocuments';
import { trustedDocumentsFrom } from './loadTrustedDocuments';
import { useTrustedDocuments } from './useTrustedDocuments';

const TRUSTED = 'query Count { entities { totalCount } }';
const TRUSTED_ID = documentHash(TRUSTED);
/** What the client preset may use as ids: any string the manifest has, here a sha1-length one. */
const PRESET_ID = 'b3a9a5e0d7d1f4c2a8e6b0c4d2f1e3a5b7c9d1e3';
const PRESET_DOC = 'query Titles { entities(first: 1) { nodes { title } } }';
const UNTRUSTED = '{ entities { totalCount } }';

type Body = { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };

async function postBody(url: string, body: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Body };
}

async function get(url: string, params: Record<string, string>) {
  const response = await fetch(`${url}?${new URLSearchParams(params).toString()}`, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: response.status, body: (await response.json()) as Body };
}

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const count = { entities: { totalCount: expect.any(Number) as number } };

let dir: string;
let manifestPath: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'trusted-documents-'));
  manifestPath = path.join(dir, 'persisted-documents.json');
  writeFileSync(manifestPath, JSON.stringify({ [TRUSTED_ID]: TRUSTED, [PRESET_ID]: PRESET_DOC }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('automatic persisted queries (TRUSTED_DOCUMENTS=off, the default)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('registers a document by POST and serves it by hash over GET', async () => {
    const query = '{ entities(first: 2) { totalCount } }';
    const hash = documentHash(query);
    const unknown = await get(stack.gateway.url, { extensions: JSON.stringify(apq(hash)) });
    expect(unknown.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await postBody(stack.gateway.url, { query, extensions: apq(hash) })).body).toEqual({ data: count });
    const byHash = await get(stack.gateway.url, { extensions: JSON.stringify(apq(hash)) });
    expect(byHash).toEqual({ status: 200, body: { data: count } });
  });
});

describe('TRUSTED_DOCUMENTS=allow', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { trustedDocuments: 'allow', trustedDocumentsPath: manifestPath } });
  });
  afterAll(() => stack.close());

  it('serves manifest documents by sha256Hash (POST and GET) and by documentId (POST and GET)', async () => {
    expect((await postBody(stack.gateway.url, { extensions: apq(TRUSTED_ID) })).body).toEqual({ data: count });
    expect((await get(stack.gateway.url, { extensions: JSON.stringify(apq(TRUSTED_ID)) })).body).toEqual({ data: count });
    expect((await postBody(stack.gateway.url, { documentId: TRUSTED_ID })).body).toEqual({ data: count });
    const preset = await get(stack.gateway.url, { documentId: PRESET_ID });
    expect(preset.status).toBe(200);
    expect(preset.body.data).toEqual({ entities: { nodes: [{ title: expect.any(String) as string }] } });
  });

  it('still runs other documents', async () => {
    expect((await postBody(stack.gateway.url, { query: UNTRUSTED })).body).toEqual({ data: count });
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { trustedDocuments: 'only', trustedDocumentsPath: manifestPath } });
  });
  afterAll(() => stack.close());

  it('runs manifest documents by id, by hash and by their exact text', async () => {
    expect((await postBody(stack.gateway.url, { documentId: TRUSTED_ID })).status).toBe(200);
    expect((await get(stack.gateway.url, { extensions: JSON.stringify(apq(TRUSTED_ID)) })).status).toBe(200);
    expect((await postBody(stack.gateway.url, { query: TRUSTED })).body).toEqual({ data: count });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a new document', { query: UNTRUSTED }],
    ['an APQ registration of a new document', { query: UNTRUSTED, extensions: apq(documentHash(UNTRUSTED)) }],
    ['an unknown documentId', { documentId: documentHash(UNTRUSTED) }],
    ['an unknown sha256Hash', { extensions: apq(documentHash(UNTRUSTED)) }],
    ['an introspection query', { query: '{ __schema { queryType { name } } }' }],
  ])('rejects %s with 400 PERSISTED_QUERY_NOT_ALLOWED before running it', async (_name, body) => {
    const response = await postBody(stack.gateway.url, body);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('rejects a new document sent by GET too', async () => {
    const response = await get(stack.gateway.url, { query: UNTRUSTED });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});

describe('useTrustedDocuments exemption', () => {
  it('lets an identity with mayUseUntrustedDocuments send any document in only mode', async () => {
    const app = express();
    app.use(express.json());
    app.use((req, res, next) => {
      if (req.header('x-analyst')) res.locals.identity = { kind: 'apikey', subject: 'analyst', scopes: new Set(), mayUseUntrustedDocuments: true } satisfies Identity;
      next();
    });
    app.post('/graphql', useTrustedDocuments({ mode: 'only', documents: trustedDocumentsFrom({ [TRUSTED_ID]: TRUSTED }) }), (_req, res) => void res.json({ ran: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const send = (headers: Record<string, string>) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: UNTRUSTED }) }).then((r) => r.status);
      expect(await send({ 'x-analyst': 'yes' })).toBe(200);
      expect(await send({})).toBe(400);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('npm run trusted-documents', () => {
  it('builds a manifest of every demo query, keyed by the SHA-256 of its exact text', async () => {
    const manifest = await buildTrustedDocuments(DEFAULT_EXAMPLE_QUERIES_DIR);
    const entries = Object.entries(manifest);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const [hash, document] of entries) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).toBe(documentHash(document));
    }
  });
});
