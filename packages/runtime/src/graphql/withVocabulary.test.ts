import { parse, print } from 'graphql';
import { withVocabulary } from './withVocabulary';

const names = (sdl: string) => withVocabulary(parse(sdl)).definitions.map((d) => ('name' in d ? d.name?.value : undefined));

describe('withVocabulary', () => {
  it('appends the shared types a subgraph names and does not define', () => {
    const result = names('type Query { at: DateTime, page: Page } type Page { pageInfo: PageInfo! }');
    expect(result).toEqual(['Query', 'Page', 'DateTime', 'PageInfo']);
  });

  it('leaves a subgraph that names none of them untouched', () => {
    const doc = parse('type Query { score: Int }');
    expect(withVocabulary(doc)).toBe(doc);
  });

  it('keeps a subgraph’s own definition instead of the shared one', () => {
    const result = print(withVocabulary(parse('scalar DateTime type Query { at: DateTime }')));
    expect(result.match(/scalar DateTime/g)).toHaveLength(1);
  });
});
