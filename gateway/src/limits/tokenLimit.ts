import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@devgraph/runtime';

/**
 * `MAX_TOKENS` is enforced by graphql-js's own parser (`parse(source, { maxTokens })`, passed as
 * Apollo Server's `parseOptions`): it stops lexing at the limit, so a 1 MB document costs no more
 * than `maxTokens` tokens of work before it is turned away. Apollo answers that as any syntax
 * error (400 `GRAPHQL_PARSE_FAILED`); this rewrites it, in `formatError`, into the limit error the
 * other limits give, so a client sees one code for "too big" whatever the measure.
 */
export function tokenLimitParseOptions(maxTokens: number): { maxTokens: number } {
  return { maxTokens };
}

// graphql-js 16 words it "Document contains more that N tokens. Parsing aborted." (sic); a test pins it.
const TOKEN_LIMIT_MESSAGE = /Document contains more th\w+ (\d+) tokens\. Parsing aborted\./;

export function refineTokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== ErrorCode.GraphqlParseFailed) return formatted;
  const match = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (!match) return formatted;
  const maxTokens = Number(match[1]);
  return {
    ...formatted,
    message: `The document has more than ${maxTokens} tokens, the limit (MAX_TOKENS); send a smaller query.`,
    extensions: { ...formatted.extensions, code: ErrorCode.QueryTooComplex, maxTokens },
  };
}
