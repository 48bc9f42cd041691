import fs from 'node:fs';

/**
 * Production mode: serve the supergraph `npm run compose` wrote, so the gateway never depends on
 * introspecting live subgraphs and every replica serves the same reviewed schema.
 */
export function readStaticSupergraph(supergraphPath: string): string {
  try {
    return fs.readFileSync(supergraphPath, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read SUPERGRAPH_PATH "${supergraphPath}" (${(error as NodeJS.ErrnoException).code}); run \`npm run compose\` to write it.`);
  }
}
