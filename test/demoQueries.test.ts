import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { composeFromRepo } from '../gateway/src/supergraph/composeFromRepo';
import { DEFAULT_SUBGRAPHS } from '../gateway/src/config';

// The example operations users run first (and GraphiQL preloads) must stay valid against the
// graph the four subgraphs compose into: a renamed field breaks this test, not a user's day.
const QUERIES = path.resolve(__dirname, '../demo/queries');
const subgraphs = DEFAULT_SUBGRAPHS.split(',').map((entry) => {
  const [name, url] = entry.split('=') as [string, string];
  return { name, url };
});
const apiSchema = Supergraph.build(composeFromRepo(subgraphs)).apiSchema().toGraphQLJSSchema();
const files = fs.readdirSync(QUERIES).filter((f) => f.endsWith('.graphql')).sort();

describe('demo/queries', () => {
  it('has the operations the README promises', () => {
    expect(files).toEqual(expect.arrayContaining(['01-service-dashboard.graphql', '02-owners-incidents-experiments.graphql', '03-team-owns.graphql']));
  });

  it.each(files)('%s is valid against the composed supergraph', (file) => {
    const errors = validate(apiSchema, parse(fs.readFileSync(path.join(QUERIES, file), 'utf8')));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
