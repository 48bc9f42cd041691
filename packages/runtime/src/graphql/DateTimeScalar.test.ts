import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { DateTimeScalar, toDateTime } from './DateTimeScalar';

describe('DateTime', () => {
  it('serialises every upstream form to one canonical UTC string', () => {
    expect(toDateTime('2025-03-01T09:30:00Z')).toBe('2025-03-01T09:30:00.000Z');
    expect(toDateTime('2025-03-01T10:30:00+01:00')).toBe('2025-03-01T09:30:00.000Z');
    expect(toDateTime(new Date(Date.UTC(2025, 2, 1, 9, 30)))).toBe('2025-03-01T09:30:00.000Z');
    expect(toDateTime('2025-03-01T09:30:00.123Z')).toBe('2025-03-01T09:30:00.123Z');
  });

  it('refuses to serialise what is not a date', () => {
    expect(() => toDateTime('yesterday')).toThrow(/cannot represent/);
    expect(() => toDateTime(null)).toThrow(/cannot represent/);
  });

  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { echo: { type: GraphQLString, args: { at: { type: DateTimeScalar } }, resolve: (_root, args: { at?: string }) => args.at ?? null } },
    }),
  });

  it('takes an input with a time zone and normalises it', async () => {
    const literal = await graphql({ schema, source: '{ echo(at: "2025-03-01T10:30:00+01:00") }' });
    expect(literal).toEqual({ data: { echo: '2025-03-01T09:30:00.000Z' } });
    const variable = await graphql({ schema, source: 'query ($at: DateTime) { echo(at: $at) }', variableValues: { at: '2025-03-01T09:30Z' } });
    expect(variable).toEqual({ data: { echo: '2025-03-01T09:30:00.000Z' } });
  });

  it.each(['2025-03-01', '2025-03-01T09:30:00', 'soon', '2025-13-45T00:00:00Z'])('rejects %s as BAD_USER_INPUT, naming the form it wants', async (value) => {
    const result = await graphql({ schema, source: 'query ($at: DateTime) { echo(at: $at) }', variableValues: { at: value } });
    expect(result.errors?.[0]?.message).toMatch(/ISO-8601 date-time with a time zone/);
  });
});
