import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '@devgraph/runtime';
import { gatewayConfig, startCatalog } from '../../test/support/startStack';
import { memoryLogger } from '../../test/support/silentLogger';
import { freePort } from '../../test/support/freePort';
import { startGateway, type RunningGateway } from './startGateway';
import { composeFromRepo, REPO_ROOT } from './supergraph/composeFromRepo';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Plain node:http, so nothing (fetch's defaults, a client library) tidies up the malformed request. */
function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
/** Small, so the oversized case costs little; the 1 MiB default is checked in config.test.ts. */
const MAX_BODY_BYTES = 4096;

interface Case {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  code: string;
  allow?: string;
  message?: RegExp;
}

const CASES: Case[] = [
  { name: 'malformed JSON', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query": ', status: 400, code: 'BAD_REQUEST', message: /not valid JSON/ },
  { name: 'JSON that is not an object', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '"{ __typename }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty body', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '', status: 400, code: 'BAD_REQUEST', message: /empty/ },
  { name: 'text/plain', method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: /application\/json/ },
  { name: 'no content-type', method: 'POST', path: '/graphql', body: '{"query":"{ __typename }"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a form post', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a charset other than UTF', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ __typename }"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a body over MAX_BODY_BYTES', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(MAX_BODY_BYTES) }), status: 413, code: 'PAYLOAD_TOO_LARGE', message: /4096 bytes/ },
  { name: 'PUT', method: 'PUT', path: '/graphql', headers: JSON_TYPE, body: '{"query":"{ __typename }"}', status: 405, code: 'METHOD_NOT_ALLOWED', allow: 'GET, POST' },
  { name: 'DELETE', method: 'DELETE', path: '/graphql', status: 405, code: 'METHOD_NOT_ALLOWED', allow: 'GET, POST' },
  { name: 'PATCH', method: 'PATCH', path: '/graphql', headers: JSON_TYPE, body: '{}', status: 405, code: 'METHOD_NOT_ALLOWED', allow: 'GET, POST' },
  { name: 'POST to a health check', method: 'POST', path: '/healthz', headers: JSON_TYPE, body: '{}', status: 405, code: 'METHOD_NOT_ALLOWED', allow: 'GET, HEAD' },
  { name: 'an unknown path', method: 'GET', path: '/graphq', status: 404, code: 'NOT_FOUND' },
  { name: 'a path under /graphql', method: 'POST', path: '/graphql/v2', headers: JSON_TYPE, body: '{"query":"{ __typename }"}', status: 404, code: 'NOT_FOUND' },
  { name: 'curl -G without a preflight header', method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}`, status: 400, code: 'BAD_REQUEST', message: /apollo-require-preflight: true.*content-type: application\/json/ },
  { name: 'operationName ""', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query":"query Q { __typename }","operationName":""}', status: 400, code: 'OPERATION_RESOLUTION_FAILURE', message: /leave operationName out/ },
  { name: 'a mutation', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query":"mutation { deleteEverything }"}', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /no mutation root type/ },
  { name: 'a subscription', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query":"subscription { incidents }"}', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /no subscription root type/ },
  { name: 'a query that is not a string', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query":42}', status: 400, code: 'BAD_REQUEST' },
  { name: 'variables that are not an object', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '{"query":"{ __typename }","variables":[1]}', status: 400, code: 'BAD_REQUEST' },
  { name: 'a batch (JSON array)', method: 'POST', path: '/graphql', headers: JSON_TYPE, body: '[{"query":"{ __typename }"},{"query":"{ __typename }"}]', status: 400, code: 'BATCHING_NOT_SUPPORTED' },
];

/** The table, against a gateway at `base()`; the same assertions in every mode. */
function rejectsEveryCase(base: () => string): void {
  it.each(CASES)('answers $name with $status $code as JSON, with nothing internal in it', async (c) => {
    const response = await send(`${base()}${c.path}`, c.method, c.headers ?? {}, c.body);
    expect(response.status).toBe(c.status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const parsed = JSON.parse(response.body) as { errors: { message: string; extensions: { code: string } }[] };
    expect(parsed.errors[0]?.extensions.code).toBe(c.code);
    if (c.message) expect(parsed.errors[0]?.message).toMatch(c.message);
    if (c.allow) expect(response.headers.allow).toBe(c.allow);
    expect(response.body).not.toMatch(/<html/i);
    expect(response.body).not.toMatch(/\bat (async )?[\w$.<>]+ \(|\bat \/\S+:\d+:\d+/);
    for (const internal of [REPO_ROOT, __dirname, '/work', 'node_modules']) expect(response.body).not.toContain(internal);
  });
}

describe('requests the gateway rejects', () => {
  describe('in development mode (introspection)', () => {
    let catalog: RunningServer;
    let gateway: RunningGateway;
    const { logger, lines } = memoryLogger('gateway');
    beforeAll(async () => {
      catalog = await startCatalog();
      gateway = await startGateway(gatewayConfig([{ name: 'catalog', url: catalog.url }], { maxBodyBytes: MAX_BODY_BYTES }), logger);
      await gateway.ready;
    });
    afterAll(async () => {
      await gateway.close();
      await catalog.close();
    });
    const base = () => gateway.url.replace(/\/graphql$/, '');

    rejectsEveryCase(base);

    it('serves the README curl -G example once the preflight header is added', async () => {
      const query = encodeURIComponent('{ entity(ref: "component:default/checkout") { ref } }');
      const response = await send(`${base()}/graphql?query=${query}`, 'GET', { 'apollo-require-preflight': 'true' });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ data: { entity: { ref: 'component:default/checkout' } } });
    });

    it('logs a bad-JSON request as one line (method, path, status, code) without the body or a stack', async () => {
      const marker = 'hunter2-do-not-log';
      const before = lines.length;
      const response = await send(`${base()}/graphql?variables=secret`, 'POST', JSON_TYPE, `{"query": "{ __typename }", "password": "${marker}"`);
      expect(response.status).toBe(400);
      // The line is written when the response finishes; wait for it rather than for a fixed time.
      const isRejection = (line: string) => line.includes('"request rejected"') && line.includes('"status":400');
      while (!lines.slice(before).some(isRejection)) await new Promise((resolve) => setImmediate(resolve));

      const written = lines.slice(before);
      const rejections = written.filter(isRejection).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(rejections).toHaveLength(1);
      expect(rejections[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 400, code: 'BAD_REQUEST' });
      expect(Object.keys(rejections[0]!).sort()).toEqual(['code', 'level', 'method', 'msg', 'path', 'service', 'status', 'time']);
      const log = written.join('\n');
      expect(log).not.toContain(marker);
      expect(log).not.toContain('variables=secret');
      expect(log).not.toMatch(/SyntaxError|"stack"|\bat JSON\.parse/);
      // memoryLogger splits on newlines: a multi-line trace would leave lines that are not JSON.
      for (const line of written) expect(() => JSON.parse(line)).not.toThrow();
    });
  });

  describe('in production mode (static supergraph, NODE_ENV=production)', () => {
    let gateway: RunningGateway;
    let dir: string;
    const previousNodeEnv = process.env.NODE_ENV;
    let consoleError: jest.SpyInstance;
    beforeAll(async () => {
      consoleError = jest.spyOn(console, 'error');
      // Express and Apollo Server read NODE_ENV when they are created: this is the mode where
      // Express's default handler would print each bad request's stack on stderr.
      process.env.NODE_ENV = 'production';
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-rejections-'));
      const supergraphPath = path.join(dir, 'supergraph.graphql');
      // No subgraph needs to run: every case is rejected before one would be called.
      fs.writeFileSync(supergraphPath, composeFromRepo([{ name: 'catalog', url: `http://127.0.0.1:${await freePort()}/graphql` }]));
      gateway = await startGateway(gatewayConfig([], { supergraphPath, maxBodyBytes: MAX_BODY_BYTES }), memoryLogger('gateway').logger);
      await gateway.ready;
    });
    afterAll(async () => {
      await gateway.close();
      if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previousNodeEnv;
      fs.rmSync(dir, { recursive: true, force: true });
      consoleError.mockRestore();
    });

    rejectsEveryCase(() => gateway.url.replace(/\/graphql$/, ''));

    it('wrote nothing to the console (Express would print each stack there)', () => {
      expect(consoleError).not.toHaveBeenCalled();
    });
  });
});
