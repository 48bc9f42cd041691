import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { graphiqlAssets } from './graphiqlAssets';
import { graphiqlAssetFiles } from './graphiqlAssetFiles';

let http: Server;
let port: number;

beforeAll(async () => {
  const app = express();
  app.use('/graphiql/assets', graphiqlAssets());
  http = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  port = (http.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
});

/** A raw GET: fetch would normalise `..` segments away before sending them. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('serves the allow-listed files under versioned paths', async () => {
  const { react, graphiqlCss } = graphiqlAssetFiles();
  expect(react.urlPath).toMatch(/^react@\d+\.\d+\.\d+\/react\.production\.min\.js$/);
  const js = await rawGet(`/graphiql/assets/${react.urlPath}`);
  expect(js.status).toBe(200);
  expect(js.body).toContain('React');
  const css = await rawGet(`/graphiql/assets/${graphiqlCss.urlPath}`);
  expect(css.status).toBe(200);
  expect(css.body).toContain('.graphiql-container');
});

it('answers 404 for a file that is not on the allow-list', async () => {
  expect((await rawGet('/graphiql/assets/react@18.3.1/react.development.js')).status).toBe(404);
  expect((await rawGet('/graphiql/assets/')).status).toBe(404);
  expect((await rawGet('/graphiql/assets/__proto__')).status).toBe(404);
});

it.each([
  '/graphiql/assets/../../../package.json',
  '/graphiql/assets/%2e%2e/%2e%2e/package.json',
  '/graphiql/assets/react@18.3.1/..%2f..%2f..%2fpackage.json',
  '/graphiql/assets/..%5c..%5cpackage.json',
  '/graphiql/assets//etc/passwd',
])('answers 404 to the traversal attempt %s', async (path) => {
  const res = await rawGet(path);
  expect(res.status).toBe(404);
  expect(res.body).not.toContain('"name"');
});
