import { ConfigError } from '@devgraph/runtime';
import { readGatewayConfig } from './config';

describe('readGatewayConfig', () => {
  it('defaults to the four local subgraphs on port 4000 in introspection mode', () => {
    const config = readGatewayConfig({});
    expect(config.port).toBe(4000);
    expect(config.subgraphs).toEqual([
      { name: 'catalog', url: 'http://127.0.0.1:4001/graphql' },
      { name: 'scm', url: 'http://127.0.0.1:4002/graphql' },
      { name: 'incidents', url: 'http://127.0.0.1:4003/graphql' },
      { name: 'experiments', url: 'http://127.0.0.1:4004/graphql' },
    ]);
    expect(config.supergraphPath).toBeUndefined();
    expect(config.maxBodyBytes).toBe(1024 * 1024);
  });

  it('takes MAX_BODY_BYTES in bytes', () => {
    expect(readGatewayConfig({ MAX_BODY_BYTES: '65536' }).maxBodyBytes).toBe(65536);
  });

  it('parses a subgraph list', () => {
    const config = readGatewayConfig({ SUBGRAPHS: 'catalog=http://c:1/graphql, scm=https://s/graphql' });
    expect(config.subgraphs.map((s) => s.name)).toEqual(['catalog', 'scm']);
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT="abc" is invalid: .*set it to a TCP port number/],
    [{ SUBGRAPHS: 'catalog:4001' }, /^Configuration error: SUBGRAPHS="catalog:4001" is invalid: "catalog:4001" is not name=url; set it to comma-separated name=url pairs/],
    [{ MAX_QUERY_DEPTH: '0' }, /^Configuration error: MAX_QUERY_DEPTH="0" is invalid/],
    [{ MAX_BODY_BYTES: '1mb' }, /^Configuration error: MAX_BODY_BYTES="1mb" is invalid: .*set it to a positive whole number of bytes/],
  ])('stops with one line naming the variable and the fix for %p', (env, message) => {
    expect(() => readGatewayConfig(env)).toThrow(ConfigError);
    expect(() => readGatewayConfig(env)).toThrow(message);
  });
});
