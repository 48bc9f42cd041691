/**
 * `npm run compose`: write the supergraph the gateway serves in production (SUPERGRAPH_PATH).
 * Output path: SUPERGRAPH_PATH, else ./supergraph.graphql.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exitOnConfigError } from '@devgraph/runtime';
import { readGatewayConfig, type GatewayConfig } from './config';
import { composeFromRepo } from './supergraph/composeFromRepo';
import { CompositionError } from './supergraph/composeSupergraph';

let config: GatewayConfig;
try {
  config = readGatewayConfig();
} catch (error) {
  exitOnConfigError(error);
}
const out = config.supergraphPath ?? path.resolve('supergraph.graphql');
try {
  fs.writeFileSync(out, composeFromRepo(config.subgraphs));
  process.stdout.write(`Composed ${config.subgraphs.map((s) => s.name).join(', ')} into ${out}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof CompositionError ? error.message : `Composition failed: ${(error as Error).message}`}\n`);
  process.exit(1);
}
