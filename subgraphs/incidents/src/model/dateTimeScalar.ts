import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Normalised to UTC without milliseconds, the form PagerDuty documents for since/until. */
function normalise(value: unknown): string {
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`DateTime must be an ISO-8601 date-time with a time zone, e.g. 2025-03-01T12:00:00Z; got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value).toISOString().replace(/\.000Z$/, 'Z');
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC.',
  serialize: normalise,
  parseValue: normalise,
  parseLiteral: (ast) => normalise(ast.kind === Kind.STRING ? ast.value : undefined),
});
