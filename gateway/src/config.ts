import path from 'node:path';
import { z } from 'zod';
import { configFields, ConfigError, DEFAULT_MAX_BODY_BYTES, readConfig, subgraphTrustFields } from '@devgraph/runtime';
import { defaultSubgraphList } from '@devgraph/registry';
import { authConfigFields, readAuthConfig, type AuthConfig } from './auth/authConfig';
import { DEFAULT_QUERY_LIMITS } from './limits/defaultQueryLimits';
import { decideIntrospection } from './edge/decideIntrospection';
import type { TrustedDocumentsMode } from './edge/trustedDocuments/useTrustedDocuments';

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
  MAX_QUERY_DEPTH: configFields.positiveInt(DEFAULT_QUERY_LIMITS.maxDepth, 'levels of field nesting a query may have'),
  MAX_QUERY_COST: configFields.positiveInt(DEFAULT_QUERY_LIMITS.maxCost, 'cost units an operation is estimated to need (lists x first, transitive fields x depth, tool fetches extra)'),
  MAX_ALIASES: configFields.positiveInt(DEFAULT_QUERY_LIMITS.maxAliases, 'aliased fields an operation may have, fragments expanded'),
  MAX_TOKENS: configFields.positiveInt(DEFAULT_QUERY_LIMITS.maxTokens, 'lexical tokens a document may have, checked before parsing'),
  MAX_DIRECTIVES: configFields.positiveInt(DEFAULT_QUERY_LIMITS.maxDirectives, 'directive uses an operation may have, fragments expanded'),
  MAX_ROOT_FIELDS: configFields.positiveInt(DEFAULT_QUERY_LIMITS.maxRootFields, 'fields at the root of an operation'),
  MAX_BODY_BYTES: configFields.positiveInt(DEFAULT_MAX_BODY_BYTES, 'bytes a request body may have; larger ones get 413 PAYLOAD_TOO_LARGE'),
  // Time budgets (gateway/src/resilience/): a frozen subgraph costs a query at most these.
  SUBGRAPH_TIMEOUT_MS: configFields.positiveInt(10_000, 'milliseconds one subgraph fetch may take before its fields are null with SUBGRAPH_TIMEOUT'),
  REQUEST_TIMEOUT_MS: configFields.positiveInt(30_000, 'milliseconds all subgraph fetches of one request may take together'),
  SUBGRAPH_DEDUP: z.enum(['on', 'off']).default('on').describe('on or off: identical queries in flight at once share one subgraph fetch (default on)'),
  SUBGRAPH_HEALTH_INTERVAL_MS: z.coerce.number().int().min(0).default(5000).describe('milliseconds between probes of every subgraph\'s /readyz, 0 to turn off (default 5000)'),
  EXAMPLE_QUERIES_DIR: z.string().optional().describe('a directory of .graphql files to preload into GraphiQL'),
  // Identity (gateway/src/auth/): AUTH_MODE, JWT_*, API_KEYS_FILE, ALLOW_UNAUTHENTICATED.
  ...authConfigFields(),
  // Subgraph trust: the gateway signs every subgraph request with SUBGRAPH_SECRET.
  SUBGRAPH_SECRET: subgraphTrustFields().SUBGRAPH_SECRET,
  // The edge (gateway/src/edge/): who may call how often, from where, with which documents.
  NODE_ENV: z.string().optional().describe('production for production posture (introspection and field suggestions off)'),
  INTROSPECTION: z.enum(['on', 'off']).optional().describe('on or off (default: off in production posture, on otherwise)'),
  GRAPHIQL: z.enum(['on', 'off']).default('on').describe('on or off: serve GraphiQL on GET /graphql from a browser (default on)'),
  CORS_ORIGINS: configFields.list('https://dashboards.example.com,http://localhost:3000').default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(0).describe('requests per minute per caller, 0 for no limit (default 0)'),
  REDIS_URL: configFields.redisUrl(),
  CACHE_PREFIX: configFields.cachePrefix(),
  TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'only']).default('off').describe('off, allow or only (default off)'),
  TRUSTED_DOCUMENTS_PATH: z.string().optional().describe('the path of a persisted-documents.json manifest ({ "<hash>": "<document>" }), e.g. from npm run trusted-documents'),
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
  /** Query limits beyond depth, each `QUERY_TOO_COMPLEX` before any subgraph is called (plugins/useQueryLimits.ts). */
  maxQueryCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxRootFields: number;
  /** Largest request body; bigger ones are answered 413 `PAYLOAD_TOO_LARGE` before parsing. */
  maxBodyBytes: number;
  /** One subgraph fetch's budget; past it the subgraph's fields are null with `SUBGRAPH_TIMEOUT`. */
  subgraphTimeoutMs: number;
  /** All subgraph fetches of one request together; each fetch gets at most what is left. */
  requestTimeoutMs: number;
  /**
   * In-flight deduplication: identical subgraph queries (document, variables, signed caller) in
   * flight at once share one fetch; never mutations. Unset: on.
   */
  subgraphDedup?: boolean;
  /** Background probes of each subgraph's `/readyz` for the gateway's `/readyz`; 0: off. */
  subgraphHealthIntervalMs: number;
  exampleQueriesDir: string;
  /** Who may ask: AUTH_MODE and its JWT / API key settings. */
  auth: AuthConfig;
  /** Signs every subgraph request (HMAC-SHA256, Hive Gateway's scheme) with who asked inside; unset: unsigned. */
  subgraphSecret?: string;
  /** Answer introspection and suggest field names in errors ("Did you mean ...")? */
  introspection: boolean;
  /** Serve GraphiQL to browsers on `GET /graphql`. */
  graphiql: boolean;
  /** Origins allowed to call from a browser; empty: no cross-origin access. */
  corsOrigins: string[];
  /** Token bucket per caller; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Shared Redis for the rate limit (replicas share buckets); unset: in memory. */
  redisUrl?: string;
  /** Key prefix in Redis per deployment. */
  cachePrefix: string;
  trustedDocuments: TrustedDocumentsMode;
  /** The manifest (hash -> document); required unless `trustedDocuments` is `off`. */
  trustedDocumentsPath?: string;
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
    maxQueryCost: c.MAX_QUERY_COST,
    maxAliases: c.MAX_ALIASES,
    maxTokens: c.MAX_TOKENS,
    maxDirectives: c.MAX_DIRECTIVES,
    maxRootFields: c.MAX_ROOT_FIELDS,
    maxBodyBytes: c.MAX_BODY_BYTES,
    subgraphTimeoutMs: c.SUBGRAPH_TIMEOUT_MS,
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    subgraphDedup: c.SUBGRAPH_DEDUP === 'on',
    subgraphHealthIntervalMs: c.SUBGRAPH_HEALTH_INTERVAL_MS,
    exampleQueriesDir: c.EXAMPLE_QUERIES_DIR ? path.resolve(c.EXAMPLE_QUERIES_DIR) : DEFAULT_EXAMPLE_QUERIES_DIR,
    auth: readAuthConfig(c, c.HOST),
    ...(c.SUBGRAPH_SECRET && { subgraphSecret: c.SUBGRAPH_SECRET }),
    // Turning auth on also means production posture.
    introspection: decideIntrospection({ nodeEnv: c.NODE_ENV, supergraphPath: c.SUPERGRAPH_PATH, authMode: c.AUTH_MODE, introspection: c.INTROSPECTION }),
    graphiql: c.GRAPHIQL === 'on',
    corsOrigins: c.CORS_ORIGINS,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    redisUrl: c.REDIS_URL,
    cachePrefix: c.CACHE_PREFIX,
    trustedDocuments: c.TRUSTED_DOCUMENTS,
    trustedDocumentsPath: trustedDocumentsPath(c.TRUSTED_DOCUMENTS, c.TRUSTED_DOCUMENTS_PATH),
  };
}

function trustedDocumentsPath(mode: TrustedDocumentsMode, file: string | undefined): string | undefined {
  if (mode !== 'off' && !file) throw new ConfigError(`Configuration error: TRUSTED_DOCUMENTS=${mode} needs TRUSTED_DOCUMENTS_PATH; set it to the path of a persisted-documents.json (npm run trusted-documents builds one).`);
  return file ? path.resolve(file) : undefined;
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
