import { readGatewayConfig } from '../config';
import { startStack, type Stack } from '../../../test/support/startStack';
import { decideIntrospection } from './decideIntrospection';

describe('decideIntrospection', () => {
  it.each([
    [{}, true],
    [{ nodeEnv: 'development' }, true],
    [{ authMode: 'none' }, true],
    [{ nodeEnv: 'production' }, false],
    [{ supergraphPath: '/app/supergraph.graphql' }, false],
    [{ authMode: 'jwt' }, false],
    [{ authMode: 'jwt,apikey' }, false],
    [{ nodeEnv: 'production', introspection: 'on' as const }, true],
    [{ authMode: 'apikey', introspection: 'on' as const }, true],
    [{ introspection: 'off' as const }, false],
  ])('%j -> %s', (inputs, expected) => {
    expect(decideIntrospection(inputs)).toBe(expected);
  });

  it('is what readGatewayConfig decides from the environment', () => {
    expect(readGatewayConfig({}).introspection).toBe(true);
    expect(readGatewayConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(readGatewayConfig({ SUPERGRAPH_PATH: 'supergraph.graphql' }).introspection).toBe(false);
    expect(readGatewayConfig({ NODE_ENV: 'production', INTROSPECTION: 'on' }).introspection).toBe(true);
  });
});

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('production posture through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { introspection: false } });
  });
  afterAll(() => stack.close());

  it('refuses introspection', async () => {
    const response = await stack.query(INTROSPECTION);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.data).toBeUndefined();
  });

  it('names no field in a validation error ("Did you mean ...")', async () => {
    const response = await stack.query('{ entitie { totalCount } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/);
  });

  it('still serves queries, and GraphiQL', async () => {
    expect((await stack.query('{ entities { totalCount } }')).errors).toBeUndefined();
    const page = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<title>devgraph GraphiQL</title>');
  });
});

describe('development posture', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers introspection and suggests fields', async () => {
    expect((await stack.query(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(JSON.stringify((await stack.query('{ entitie { totalCount } }')).errors)).toMatch(/Did you mean/);
  });
});

describe('GRAPHIQL=off', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { graphiql: false } });
  });
  afterAll(() => stack.close());

  it('serves no page and no assets, and still answers GraphQL', async () => {
    const page = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
    expect((await fetch(stack.gateway.url.replace('/graphql', '/graphiql/assets/x'))).status).toBe(404);
    expect((await stack.query('{ entities { totalCount } }')).errors).toBeUndefined();
  });
});
