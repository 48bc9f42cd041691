import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { SUBGRAPHS } from '@devgraph/registry';
import { composeFromRepo, REPO_ROOT } from '../supergraph/composeFromRepo';
import { DEFAULT_EXAMPLE_QUERIES_DIR } from '../config';
import { buildCostModel } from './buildCostModel';
import { DEFAULT_QUERY_LIMITS } from './defaultQueryLimits';
import { limitViolations } from './limitViolations';
import { measureOperation } from './measureOperation';

const supergraphSdl = composeFromRepo(SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1/${s.name}` })));
const schema = buildSchema(supergraphSdl);
const model = buildCostModel(schema, supergraphSdl);

/** Every operation a user is shown: the GraphiQL examples and each `graphql` block of the README. */
const examples: [string, string][] = [
  ...fs
    .readdirSync(DEFAULT_EXAMPLE_QUERIES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .map((f): [string, string] => [`demo/queries/${f}`, fs.readFileSync(path.join(DEFAULT_EXAMPLE_QUERIES_DIR, f), 'utf8')]),
  ...[...fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i): [string, string] => [`README.md graphql block ${i + 1}`, m[1]!]),
];

describe('the default query limits', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples)('admit %s', (name, query) => {
    // Parsed as the gateway parses: over MAX_TOKENS, this throws.
    const document = parse(query, { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens });
    expect(validate(schema, document)).toEqual([]);
    for (const operation of document.definitions) {
      if (operation.kind !== 'OperationDefinition') continue;
      const measure = measureOperation(model, document, operation);
      // The figures, to see how much room the defaults leave when an example or a weight changes.
      console.log(`${name}: cost ${measure.cost} (limit ${DEFAULT_QUERY_LIMITS.maxCost}), depth ${measure.depth}, aliases ${measure.aliases}, root fields ${measure.rootFields}, directives ${measure.directives}`);
      expect(limitViolations(measure, DEFAULT_QUERY_LIMITS)).toEqual([]);
    }
  });
});
