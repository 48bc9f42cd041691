/**
 * devgraph's shared GraphQL vocabulary, appended to every subgraph's schema.graphql by the
 * subgraph server, `npm run compose` and codegen (codegen.yml lists this file; the magic
 * comment lets it pluck the SDL), so the four subgraphs say dates and pages the same way.
 * A string in code rather than a .graphql file so bundled builds need no file beside them.
 * A subgraph's @link must import @shareable.
 */
export const VOCABULARY_SDL = /* GraphQL */ `
"""
An instant as an ISO-8601 / RFC 3339 string in UTC with milliseconds, e.g.
2025-03-01T09:30:00.000Z: fixed width, so strings sort in time order. Inputs accept any
ISO-8601 date-time with a time zone (e.g. 2025-03-01T10:30:00+01:00).
"""
scalar DateTime

"Relay page information, the same in every subgraph."
type PageInfo @shareable {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}
`;
