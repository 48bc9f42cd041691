import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Simulator } from '@devgraph/simulator-kit';
import { startSimulator as startGithub } from '@devgraph/scm';
import { startSimulator as startPagerDuty } from '@devgraph/incidents';
import { startSimulator as startGrowthBook } from '@devgraph/experiments';
import { startRegisteredStack, type RegisteredStack } from './support/startRegisteredStack';

/**
 * A seeded, bounded fuzz run against the running gateway over every subgraph: mutated
 * documents and variables, then malformed HTTP requests. Whatever arrives, the gateway stays
 * up and answers JSON with a code, never HTML, a stack, a server path or a secret.
 *
 * The generator is a few lines of seeded PRNG on purpose: the cases must be the same on every
 * run (a failure names its case number), and the mutations are devgraph's own domain.
 */
const SEED = 20261130;
const DOCUMENT_CASES = 2000;
const HTTP_CASES = 500;
const PLANTED = 'planted-secret-token-5f1c2e9a';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;

const DEMO_DIR = path.resolve(__dirname, '../demo/queries');
const CORPUS = [
  ...fs.readdirSync(DEMO_DIR).filter((f) => f.endsWith('.graphql')).map((f) => fs.readFileSync(path.join(DEMO_DIR, f), 'utf8')),
  '{ entities(first: 3) { totalCount nodes { ref title } } }',
  '{ entity(ref: "component:default/checkout") { ... on Component { owner { ref displayName email } repository { nameWithOwner codeowners { rules { pattern } } } } } }',
  'query Q($ref: ID!) { entity(ref: $ref) { ref ... on Component { incidents(first: 2) { nodes { title createdAt } } experiments { name } } } }',
];
const PUNCTUATION = ['{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '"', '...', '#', '=', ',', '\\', '\u0000', '\u202e', '𝔊'];
const WORDS = ['entity', 'entities', 'ref', 'owner', '__typename', '__schema', 'mutation', 'subscription', 'fragment', 'on', 'null', 'true', '-1', '1e309', 'first', 'depth'];

function mutate(document: string): string {
  let text = document;
  for (let round = 1 + int(4); round > 0; round--) {
    const at = int(text.length + 1);
    switch (int(9)) {
      case 0: text = text.slice(0, at) + text.slice(at + 1 + int(40)); break;
      case 1: text = text.slice(0, at) + pick(PUNCTUATION) + text.slice(at); break;
      case 2: text = text.slice(0, at) + ` ${pick(WORDS)} ` + text.slice(at); break;
      case 3: text = text.slice(0, at) + text.slice(int(text.length), int(text.length) + 60) + text.slice(at); break;
      case 4: text = text.replace(/first: \d+/, `first: ${pick(['0', '-5', '501', '2147483648', '"ten"', 'null'])}`); break;
      case 5: text = text.replace(/depth: \d+/, `depth: ${pick(['0', '11', '99999'])}`); break;
      case 6: text = text.replace(/"[^"]*"/, JSON.stringify(pick(['', 'x'.repeat(5000), 'component:default/../../etc/passwd', 'user:default/nobody', '%00']))); break;
      case 7: text = `${'{ entity(ref: "component:default/checkout") { ... on Component { owner { owns { owner { owns '.repeat(1 + int(4))}ref${' } } } } } }'.repeat(1 + int(4))}`; break;
      default: text = text.slice(0, at);
    }
  }
  return text;
}

function variablesFor(): unknown {
  return pick([
    undefined,
    {},
    { ref: 'component:default/checkout' },
    { ref: 42 },
    { ref: null },
    { ref: { nested: ['x'] } },
    { ref: 'x'.repeat(20_000) },
    { department: 'group:default/buyer-engineering', ref: 'component:default/payments' },
    'not an object',
    [1, 2, 3],
  ]);
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(url: URL, method: string, headers: Record<string, string>, body?: Buffer | string, pathname = url.pathname): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A fresh connection per case: one case's answer must not depend on how the last one left a socket.
    const request = http.request({ host: url.hostname, port: url.port, path: pathname, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** Everything a fuzz answer must be, whatever was sent. Returns the problems (empty = fine). */
function problemsOf(answer: Answer, method: string): string[] {
  const problems: string[] = [];
  if (answer.status >= 500 && answer.status !== 503) problems.push(`HTTP ${answer.status}`);
  if (method === 'HEAD' || answer.status === 204) return problems;
  if (!answer.contentType.includes('application/json') && !answer.contentType.includes('application/graphql-response+json')) problems.push(`content-type ${answer.contentType}`);
  if (/<html|<!doctype/i.test(answer.body)) problems.push('HTML');
  if (/\n\s+at .+:\d+:\d+/.test(answer.body) || /"stacktrace"/.test(answer.body)) problems.push('stack trace');
  if (answer.body.includes('/work/') || answer.body.includes(path.resolve(__dirname, '..'))) problems.push('server path');
  if (answer.body.includes(PLANTED)) problems.push('planted secret');
  let parsed: { errors?: { extensions?: { code?: unknown } }[] } | undefined;
  try {
    parsed = JSON.parse(answer.body) as typeof parsed;
  } catch {
    problems.push('not JSON');
  }
  for (const error of parsed?.errors ?? []) if (typeof error.extensions?.code !== 'string') problems.push('error without extensions.code');
  if (answer.status >= 400 && !parsed?.errors?.length) problems.push(`HTTP ${answer.status} without errors`);
  return problems;
}

describe('the gateway under a seeded fuzz run', () => {
  let stack: RegisteredStack;
  let simulators: Simulator[];
  let url: URL;

  beforeAll(async () => {
    // The tools' simulators accept only the planted token, so it is the real secret of this stack.
    simulators = await Promise.all([startGithub({ token: PLANTED }), startPagerDuty({ token: PLANTED }), startGrowthBook({ token: PLANTED })]);
    const [github, pagerduty, growthbook] = simulators;
    stack = await startRegisteredStack({
      env: {
        GITHUB_API_URL: github!.url,
        GITHUB_TOKEN: PLANTED,
        PAGERDUTY_API_URL: pagerduty!.url,
        PAGERDUTY_TOKEN: PLANTED,
        GROWTHBOOK_API_URL: `${growthbook!.url}/api`,
        GROWTHBOOK_API_KEY: PLANTED,
      },
    });
    url = new URL(stack.gateway.url);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await Promise.all((simulators ?? []).map((s) => s.close()));
  });

  it(`answers ${DOCUMENT_CASES} mutated documents and variables with clean JSON`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < DOCUMENT_CASES; i++) {
      const body: Record<string, unknown> = { query: mutate(pick(CORPUS)) };
      const variables = variablesFor();
      if (variables !== undefined) body.variables = variables;
      if (random() < 0.1) body.operationName = pick(['', 'ServiceDashboard', 'Nope', 42]);
      const answer = await send(url, 'POST', { 'content-type': 'application/json' }, JSON.stringify(body));
      const problems = problemsOf(answer, 'POST');
      if (problems.length) failures.push(`case ${i}: ${problems.join(', ')}: ${answer.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it(`answers ${HTTP_CASES} malformed HTTP requests with clean JSON and stays up`, async () => {
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE'];
    const contentTypes = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/graphql', ''];
    const bodies = (): Buffer | string | undefined =>
      pick<() => Buffer | string | undefined>([
        () => undefined,
        () => '',
        () => '{"query":',
        () => '[{"query":"{ entities { totalCount } }"},{"query":"{ entities { totalCount } }"}]',
        () => JSON.stringify({ query: 42 }),
        () => JSON.stringify({ query: '{ entities { totalCount } }', variables: 'x' }),
        () => JSON.stringify({ query: 'x'.repeat(200_000) }),
        () => Buffer.from(Array.from({ length: 64 + int(512) }, () => int(256))),
        () => 'null',
        () => '"just a string"',
        () => `{"query":"{ entities(first: 1) { totalCount } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"${'0'.repeat(64)}"}}}`,
      ])();
    const paths = ['/graphql', '/graphql?query=%7B__typename%7D', '/graphql?query=%7B', '/graphql/extra', '/', '/healthz', '/readyz', '/nope', '/graphiql/assets/../../package.json'];
    const failures: string[] = [];
    for (let i = 0; i < HTTP_CASES; i++) {
      const method = pick(methods);
      const contentType = pick(contentTypes);
      const body = method === 'GET' || method === 'HEAD' ? undefined : bodies();
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      if (random() < 0.2) headers['apollo-require-preflight'] = 'true';
      const target = pick(paths);
      let answer: Answer;
      try {
        answer = await send(url, method, headers, body, target);
      } catch (error) {
        failures.push(`case ${i} ${method} ${target} [${contentType}] ${typeof body === 'string' ? body.slice(0, 60) : `${body?.length ?? 0} bytes`}: ${(error as Error).message}`);
        continue;
      }
      // GraphiQL's page is HTML by design: a browser GET that accepts HTML is not a rejection.
      if (answer.contentType.includes('text/html') && method === 'GET' && answer.status === 200) continue;
      const problems = problemsOf(answer, method);
      if (problems.length) failures.push(`case ${i} ${method} ${target} [${contentType}]: ${problems.join(', ')}: ${answer.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    const health = await send(url, 'GET', {}, undefined, '/healthz');
    expect(health.status).toBe(200);
  }, 600_000);

  it('never logged the planted secret, in any service, after both runs', () => {
    // Loggers here are given no secrets to scrub: a clean log means nothing leaked into it.
    expect(stack.logLines.length).toBeGreaterThan(0);
    expect(stack.logLines.filter((line) => line.includes(PLANTED))).toEqual([]);
  });
});
