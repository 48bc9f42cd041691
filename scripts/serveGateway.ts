/**
 * The gateway in production mode, exactly as the Docker image runs it (`node dist/serve-gateway.js`;
 * `npm run start:gateway` builds and runs the same file). It serves the supergraph at
 * SUPERGRAPH_PATH when one is given (what `npm run compose` wrote and someone reviewed); without
 * one it composes the repo's schema files first, routing to SUBGRAPHS, into a private temporary
 * file. Either way it never introspects running subgraphs, so every replica serves one schema.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runService } from '@devgraph/runtime';
import { readGatewayConfig } from '../gateway/src/config';
import { startGateway } from '../gateway/src/startGateway';
import { composeFromRepo } from '../gateway/src/supergraph/composeFromRepo';

void runService({
  service: 'gateway',
  readConfig: () => readGatewayConfig(),
  async start(config, logger) {
    if (config.supergraphPath) return startGateway(config, logger);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-supergraph-'));
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    fs.writeFileSync(supergraphPath, composeFromRepo(config.subgraphs));
    logger.info({ subgraphs: config.subgraphs.map((s) => s.name), supergraphPath }, 'composed the supergraph from the repo schemas (set SUPERGRAPH_PATH to serve a reviewed one)');
    const gateway = await startGateway({ ...config, supergraphPath }, logger);
    return { ...gateway, close: () => gateway.close().finally(() => fs.rmSync(dir, { recursive: true, force: true })) };
  },
});
