import fs from 'node:fs';
import path from 'node:path';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/**
 * GitHub's real GraphQL schema, from `@octokit/graphql-schema`'s `schema.json` (its `.graphql`
 * file does not build: a duplicate field). The package exports only an ESM entry that reads the
 * file through `import.meta.url`, so the JSON is located on Node's module search path instead.
 */
export function loadGithubSchema(): GraphQLSchema {
  const candidates = (require.resolve.paths('@octokit/graphql-schema') ?? []).map((dir) => path.join(dir, '@octokit/graphql-schema/schema.json'));
  const file = candidates.find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error('@octokit/graphql-schema/schema.json not found: run npm install');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
  return buildClientSchema(json.data ?? json);
}
