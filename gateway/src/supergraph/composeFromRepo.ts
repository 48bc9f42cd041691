import fs from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { withVocabulary } from '@devgraph/runtime';
import { schemaPathOf, subgraphNamed } from '@devgraph/registry';
import type { SubgraphEndpoint } from '../config';
import { composeSupergraph } from './composeSupergraph';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * Compose from the schema files in the repo, not from running servers: it works offline, in
 * CI and in a Docker build, and the result is exactly what was reviewed. Routing URLs come
 * from the subgraph list (SUBGRAPHS), so one repo composes for any deployment.
 */
export function composeFromRepo(subgraphs: readonly SubgraphEndpoint[], root = REPO_ROOT): string {
  return composeSupergraph(
    subgraphs.map((s) => {
      const entry = subgraphNamed(s.name);
      if (!entry) throw new Error(`No subgraph named "${s.name}" in the registry (packages/registry); the repo's subgraphs are the ones it lists.`);
      const file = path.join(root, schemaPathOf(entry));
      if (!fs.existsSync(file)) throw new Error(`No schema for subgraph "${s.name}": ${file} does not exist.`);
      // The same shared vocabulary (DateTime, PageInfo) the subgraph server appends when it serves.
      return { ...s, sdl: print(withVocabulary(parse(fs.readFileSync(file, 'utf8')))) };
    }),
  );
}
