import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { parse } from 'graphql';
import { createMetrics } from '../../createMetrics';
import { startSubgraphServer, type RunningServer } from '../startSubgraphServer';
import { jsonFallbacks } from './jsonFallbacks';
import { logRejectedRequests } from './logRejectedRequests';
import { memoryLogger } from '../../../../../test/support/silentLogger';

async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST') {
  const response = await fetch(url, { method, headers, body });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] } };
}

// The gateway's table (gateway/src/rejectedRequests.test.ts) covers every case; this checks that
// subgraphs get the same layer, since they share it through startSubgraphServer.
describe('a subgraph server answers rejected requests as JSON too', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startSubgraphServer({
      name: 'tiny',
      typeDefs: parse('extend schema @link(url: "https://specs.apollo.dev/federation/v2.10", import: ["@shareable"]) type Query { hello: String }'),
      resolvers: { Query: { hello: () => 'world' } },
      context: () => ({}),
      port: 0,
      host: '127.0.0.1',
      logger: memoryLogger('tiny').logger,
      metrics: createMetrics('tiny'),
    });
  });
  afterAll(() => server.close());

  it.each([
    ['malformed JSON', '/graphql', '{"query":', 'POST', 400, 'BAD_REQUEST'],
    ['PUT', '/graphql', '{}', 'PUT', 405, 'METHOD_NOT_ALLOWED'],
    ['an unknown path', '/nope', '{}', 'POST', 404, 'NOT_FOUND'],
    ['a mutation', '/graphql', '{"query":"mutation { hello }"}', 'POST', 400, 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s -> %i %s', async (_name, path, body, method, status, code) => {
    const response = await post(server.url.replace('/graphql', path), body, { 'content-type': 'application/json' }, method);
    expect(response.status).toBe(status);
    expect(response.type).toMatch(/^application\/json/);
    expect(response.body.errors[0]?.extensions.code).toBe(code);
  });

  it('still serves queries', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hello }"}' });
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
  });
});

describe('jsonFallbacks', () => {
  it('masks a handler bug as a JSON 500 and logs its stack once, on one line', async () => {
    const { logger, lines } = memoryLogger('test');
    const app = express();
    app.use(logRejectedRequests(logger));
    app.get('/boom', () => {
      throw new Error('db password is in /etc/secret.conf');
    });
    app.use(jsonFallbacks(logger));
    const httpServer = http.createServer(app);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = httpServer.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/boom`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ errors: [{ message: 'Internal error; the server log has the details.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      const logged = lines.map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
      expect(logged.find((l) => l.msg === 'unexpected error while serving a request')?.err?.message).toContain('/etc/secret.conf');
    } finally {
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });
});
