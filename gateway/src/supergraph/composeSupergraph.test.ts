import { composeSupergraph, CompositionError } from './composeSupergraph';
import { composeFromRepo } from './composeFromRepo';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.10", import: ["@key"])';

describe('composeSupergraph', () => {
  it('composes the repo\'s subgraph schemas into a supergraph with their routing URLs', () => {
    const sdl = composeFromRepo([{ name: 'catalog', url: 'http://catalog:4001/graphql' }]);
    expect(sdl).toContain('url: "http://catalog:4001/graphql"');
    expect(sdl).toMatch(/type Component implements Entity[\s\S]*@join__type\(graph: CATALOG, key: "ref"\)/);
  });

  it('names the subgraph and the type that broke composition', () => {
    const compose = () =>
      composeSupergraph([
        { name: 'alpha', url: 'http://a', sdl: `${link}\ntype Query { thing: Thing } type Thing { size: Int }` },
        { name: 'beta', url: 'http://b', sdl: `${link}\ntype Query { other: Thing } type Thing { size: String }` },
      ]);
    expect(compose).toThrow(CompositionError);
    try {
      compose();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('subgraph "alpha", "beta"');
      expect(message).toContain('type "Thing"');
    }
  });

  it('names a subgraph the registry does not list', () => {
    expect(() => composeFromRepo([{ name: 'nope', url: 'http://x' }])).toThrow(/No subgraph named "nope" in the registry/);
  });

  it('says which registered subgraph has no schema file', () => {
    expect(() => composeFromRepo([{ name: 'scm', url: 'http://x' }], '/nonexistent-root')).toThrow(/No schema for subgraph "scm"/);
  });
});
