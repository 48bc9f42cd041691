import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../errors';

/** A date-time with a time zone (or `Z`); a bare date or a zone-less time is ambiguous. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/** The one canonical form every subgraph answers with: UTC, milliseconds, fixed width. */
export function toDateTime(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}`);
  return date.toISOString();
}

function parseInput(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw badUserInput(`DateTime must be an ISO-8601 date-time with a time zone, e.g. 2025-03-01T12:00:00Z; got ${JSON.stringify(value)}.`);
  }
  return new Date(value).toISOString();
}

/**
 * `DateTime` for every subgraph. Values stay strings inside devgraph (they pass through the
 * cache as JSON); upstream forms (`2025-03-01T09:30:00Z`, `+01:00` offsets, Date objects) all
 * serialise to the same canonical string.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant in UTC with milliseconds, e.g. `2025-03-01T09:30:00.000Z`.',
  serialize: toDateTime,
  parseValue: parseInput,
  parseLiteral: (ast) => parseInput(ast.kind === Kind.STRING ? ast.value : undefined),
});
