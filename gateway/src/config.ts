import path from 'node:path';
import { z } from 'zod';
import { configFields, DEFAULT_MAX_BODY_BYTES, readConfig } from '@devgraph/runtime';
import { defaultSubgraphList } from '@devgraph/registry';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Every subgraph devgraph ships, on its default port (what `npm start` runs), from the one registry. */
export const DEFAULT_SUBGRAPHS = defaultSubgraphList();

const subgraphList = z
  .string()
  .default(DEFAULT_SUBGRAPHS)
  .transform((value, ctx) => {
    const entries: SubgraphEndpoint[] = [];
    for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
      const match = /^([a-z][a-z0-9_-]*)=(https?:\/\/\S+)$/i.exec(item);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not name=url` });
        return z.NEVER;
      }
      entries.push({ name: match[1]!, url: match[2]! });
    }
    return entries;
  })
  .describe(`comma-separated name=url pairs (default ${DEFAULT_SUBGRAPHS})`);

export const gatewayConfigSchema = z.object({
  PORT: configFields.port(4000),
  HOST: configFields.host(),
  LOG_LEVEL: configFields.logLevel(),
  SUBGRAPHS: subgraphList,
  SUPERGRAPH_PATH: z.string().optional().describe('the path of a supergraph.graphql written by `npm run compose`'),
  SUBGRAPH_RETRY_INTERVAL_MS: configFields.positiveInt(1000, 'milliseconds between attempts to reach subgraphs at start'),
  SUBGRAPH_POLL_INTERVAL_MS: z.coerce.number().int().min(0).default(10000).describe('milliseconds between schema re-checks in development mode, 0 to turn off (default 10000)'),
  MAX_QUERY_DEPTH: configFields.positiveInt(15, 'levels of field nesting a query may have'),
  MAX_BODY_BYTES: configFields.positiveInt(DEFAULT_MAX_BODY_BYTES, 'bytes a request body may have; larger ones get 413 PAYLOAD_TOO_LARGE'),
  EXAMPLE_QUERIES_DIR: z.string().optional().describe('a directory of .graphql files to preload into GraphiQL'),
});

export interface GatewayConfig {
  port: number;
  host: string;
  logLevel: string;
  subgraphs: SubgraphEndpoint[];
  /** Production mode when set: serve this composed supergraph and never introspect. */
  supergraphPath?: string;
  retryIntervalMs: number;
  pollIntervalMs: number;
  maxQueryDepth: number;
  /** Largest request body; bigger ones are answered 413 `PAYLOAD_TOO_LARGE` before parsing. */
  maxBodyBytes: number;
  exampleQueriesDir: string;
}

export const DEFAULT_EXAMPLE_QUERIES_DIR = path.resolve(__dirname, '../../demo/queries');

export function readGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const c = readConfig(gatewayConfigSchema, env);
  return {
    port: c.PORT,
    host: c.HOST,
    logLevel: c.LOG_LEVEL,
    subgraphs: c.SUBGRAPHS,
    supergraphPath: c.SUPERGRAPH_PATH ? path.resolve(c.SUPERGRAPH_PATH) : undefined,
    retryIntervalMs: c.SUBGRAPH_RETRY_INTERVAL_MS,
    pollIntervalMs: c.SUBGRAPH_POLL_INTERVAL_MS,
    maxQueryDepth: c.MAX_QUERY_DEPTH,
    maxBodyBytes: c.MAX_BODY_BYTES,
    exampleQueriesDir: c.EXAMPLE_QUERIES_DIR ? path.resolve(c.EXAMPLE_QUERIES_DIR) : DEFAULT_EXAMPLE_QUERIES_DIR,
  };
}

/**
 * Apollo Gateway phones home unless told not to: it probes cloud metadata endpoints and sends
 * usage metrics to Apollo. devgraph runs offline and private by default, so the variable Apollo
 * reads is defaulted to "disabled"; `APOLLO_TELEMETRY_DISABLED=false` opts back in. This is the
 * one place devgraph writes the environment, because the library reads it directly.
 */
export function defaultVendorTelemetryOff(env: Record<string, string | undefined> = process.env): void {
  if (env.APOLLO_TELEMETRY_DISABLED === undefined) env.APOLLO_TELEMETRY_DISABLED = 'true';
}
