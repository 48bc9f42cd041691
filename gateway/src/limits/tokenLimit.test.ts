import { GraphQLError, parse } from 'graphql';
import { refineTokenLimitError } from './tokenLimit';

/** What Apollo Server hands `formatError` for a document its parser refused. */
function parseFailure(source: string, maxTokens: number) {
  try {
    parse(source, { maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
  }
  throw new Error('parsed');
}

describe('refineTokenLimitError', () => {
  it('turns graphql-js\'s token-limit syntax error into QUERY_TOO_COMPLEX with the limit', () => {
    expect(refineTokenLimitError(parseFailure('{ a b c d e f }', 4))).toEqual({
      message: 'The document has more than 4 tokens, the limit (MAX_TOKENS); send a smaller query.',
      extensions: { code: 'QUERY_TOO_COMPLEX', maxTokens: 4 },
    });
  });

  it('leaves every other syntax error as it is', () => {
    const failure = parseFailure('{ a ', 100);
    expect(refineTokenLimitError(failure)).toBe(failure);
  });
});
