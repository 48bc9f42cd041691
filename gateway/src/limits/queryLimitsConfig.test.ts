import { ConfigError } from '@devgraph/runtime';
import { readGatewayConfig } from '../config';
import { DEFAULT_QUERY_LIMITS } from './defaultQueryLimits';

describe('query limit variables', () => {
  it('default to the limits the demo queries are checked against', () => {
    const config = readGatewayConfig({});
    expect({
      maxDepth: config.maxQueryDepth,
      maxCost: config.maxQueryCost,
      maxAliases: config.maxAliases,
      maxTokens: config.maxTokens,
      maxDirectives: config.maxDirectives,
      maxRootFields: config.maxRootFields,
    }).toEqual(DEFAULT_QUERY_LIMITS);
  });

  it('reads each one', () => {
    const config = readGatewayConfig({ MAX_QUERY_COST: '50000', MAX_ALIASES: '5', MAX_TOKENS: '800', MAX_DIRECTIVES: '3', MAX_ROOT_FIELDS: '2' });
    expect(config).toMatchObject({ maxQueryCost: 50000, maxAliases: 5, maxTokens: 800, maxDirectives: 3, maxRootFields: 2 });
  });

  it.each(['MAX_QUERY_COST', 'MAX_ALIASES', 'MAX_TOKENS', 'MAX_DIRECTIVES', 'MAX_ROOT_FIELDS'])('stops with one line naming %s when it is not a positive whole number', (name) => {
    expect(() => readGatewayConfig({ [name]: '0' })).toThrow(ConfigError);
    expect(() => readGatewayConfig({ [name]: 'lots' })).toThrow(new RegExp(`^Configuration error: ${name}(="lots")? is invalid: .*positive whole number`));
  });
});
