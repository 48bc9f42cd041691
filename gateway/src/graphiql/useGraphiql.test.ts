import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { graphiqlAssets } from './graphiqlAssets';
import type { ExampleOperation } from './loadExampleOperations';
import { useGraphiql } from './useGraphiql';

const operations: ExampleOperation[] = [
  { title: 'Say hello', query: '# Say hello\nquery Hello { hello }\n' },
  { title: 'Sneaky', query: '# </script><script>window.pwned = 1</script>\n{ hello }\n' },
];

let server: ApolloServer;
let http: Server;
let base: string;

beforeAll(async () => {
  server = new ApolloServer({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'world' } },
    plugins: [useGraphiql({ operations })],
  });
  await server.start();
  const app = express();
  app.use('/graphiql/assets', graphiqlAssets());
  app.use('/graphql', express.json(), expressMiddleware(server));
  http = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await server.stop();
});

async function page(): Promise<string> {
  const res = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
}

/** Every src/href attribute value in the page. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** The text of every <script> element, cut where an HTML parser would cut it. */
function scriptBodies(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script/gi)].map((m) => m[1] ?? '');
}

it('serves GraphiQL to a browser asking for HTML, with the example operations in the page', async () => {
  const html = await page();
  expect(html).toContain('<title>devgraph GraphiQL</title>');
  expect(html).toContain('Say hello');
  expect(html).toContain('query Hello { hello }');
  expect(html).toContain('"endpoint":"/graphql"');
});

it('references no network URL in any src or href (works offline)', async () => {
  const html = await page();
  const urls = referencedUrls(html);
  expect(urls.length).toBeGreaterThanOrEqual(4);
  for (const url of urls) expect(url).not.toMatch(/^(https?:)?\/\//i);
  expect(html).not.toMatch(/https?:\/\//i);
});

it('serves every asset the page references, with its content type', async () => {
  const assetUrls = referencedUrls(await page()).filter((u) => u.startsWith('/graphiql/assets/'));
  expect(assetUrls).toHaveLength(4);
  for (const url of assetUrls) {
    const res = await fetch(`${base}${url}`);
    expect(res.status).toBe(200);
    const expected = url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/;
    expect(res.headers.get('content-type')).toMatch(expected);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(5000);
  }
});

it('keeps operation text inside its script element even when it contains </script>', async () => {
  const html = await page();
  const config = scriptBodies(html).find((body) => body.includes('"examples"'));
  expect(config).toBeDefined();
  expect(html).not.toContain('<script>window.pwned');
  const parsed = JSON.parse(config ?? '') as { examples: ExampleOperation[] };
  expect(parsed.examples).toEqual(operations);
});

it('still answers GraphQL over POST on the same path', async () => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ hello }' }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { hello: 'world' } });
});

it('uses the configured endpoint, assets prefix and title, HTML-escaped', async () => {
  const html = await landingPageOf([useGraphiql({ endpoint: '/api/graphql', assetsPath: '/static/gql/', title: 'A & <B>' })]);
  expect(html).toContain('<title>A &amp; &lt;B&gt;</title>');
  expect(html).toContain('"endpoint":"/api/graphql"');
  expect(referencedUrls(html).filter((u) => u.startsWith('/static/gql/'))).toHaveLength(4);
  expect(html).not.toContain('/static/gql//');
});

// These pin the Apollo Server behaviour useGraphiql's documentation relies on.
it('is still served when the implicit landing page is disabled', async () => {
  const html = await landingPageOf([ApolloServerPluginLandingPageDisabled(), useGraphiql()]);
  expect(html).toContain('<title>devgraph GraphiQL</title>');
});

it('cannot be combined with another explicit landing page plugin', async () => {
  await expect(landingPageOf([ApolloServerPluginLandingPageLocalDefault(), useGraphiql()])).rejects.toThrow(
    'Only one plugin can implement renderLandingPage',
  );
});

/** The HTML a browser would get from a server with these plugins, without HTTP. */
async function landingPageOf(plugins: ApolloServerPlugin[]): Promise<string> {
  const custom = new ApolloServer({ typeDefs: 'type Query { hello: String }', plugins });
  await custom.start();
  try {
    const res = await custom.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'GET', headers: new HeaderMap([['accept', 'text/html']]), search: '', body: undefined },
      context: async () => ({}),
    });
    return res.body.kind === 'complete' ? res.body.string : '';
  } finally {
    await custom.stop();
  }
}
