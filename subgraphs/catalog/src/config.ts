import path from 'node:path';
import { z } from 'zod';
import { ConfigError, configFields, readConfig, readUpstreamPolicy, upstreamPolicyFields, type UpstreamPolicy, readSubgraphTrust, subgraphTrustFields, type SubgraphTrust } from '@devgraph/runtime';
import { BACKSTAGE_POLICY } from './sources/backstage/backstagePolicy';

/** The demo organisation shipped in the repo: what `npm start` serves when nothing is configured. */
export const DEMO_CATALOG_PATH = path.resolve(__dirname, '../../../demo/catalog/catalog-info.yaml');

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v))
    .describe(`true or false (default ${fallback})`);

export const catalogConfigSchema = z.object({
  PORT: configFields.port(4001),
  HOST: configFields.host(),
  ...subgraphTrustFields(),
  LOG_LEVEL: configFields.logLevel(),
  CATALOG_PATHS: configFields.list('./catalog-info.yaml,./teams/*.yaml').optional(),
  CATALOG_ALLOWED_ROOTS: configFields.list('/srv/catalogs,../shared-catalog').optional(),
  CATALOG_MAX_DROP: z
    .string()
    .regex(/^\d+(\.\d+)?%?$/, 'expected a percentage')
    .transform((v) => Number(v.replace('%', '')))
    .refine((v) => v <= 100, 'at most 100')
    .default(20)
    .describe('a percentage of a source\'s entities, 0 to 100, e.g. 20 or 20% (default 20)'),
  CATALOG_DROP_CONFIRMATIONS: configFields.positiveInt(3, 'reloads that must show a held drop before it applies'),
  CATALOG_WATCH: flag(true),
  CATALOG_WATCH_DEBOUNCE_MS: configFields.positiveInt(200, 'milliseconds to wait for file changes to settle'),
  BACKSTAGE_URL: configFields
    .url('http://localhost:7007')
    .refine((v) => /^https?:\/\//i.test(v), 'expected an http:// or https:// URL')
    .optional(),
  BACKSTAGE_TOKEN: z.string().optional().describe('a Backstage token accepted by the catalog API (sent as a Bearer token)'),
  BACKSTAGE_SYNC_INTERVAL_MS: configFields.positiveInt(300_000, 'milliseconds between full syncs'),
  // BACKSTAGE_TIMEOUT_MS, BACKSTAGE_RETRIES and the other variables every upstream's policy has.
  ...upstreamPolicyFields('BACKSTAGE', BACKSTAGE_POLICY),
  BACKSTAGE_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(500).describe('entities per by-query page, 1 to 10000 (default 500)'),
});

export interface BackstageConfig {
  /** Backstage's base URL, without a trailing slash; the catalog API is `${url}/api/catalog`. */
  url: string;
  /** Secret. */
  token?: string;
  syncIntervalMs: number;
  /** Timeout, retries, backoff and circuit breaker of every Backstage call. */
  policy: UpstreamPolicy;
  pageSize: number;
}

export interface CatalogConfig {
  port: number;
  host: string;
  /** Which requests are served: SUBGRAPH_SECRET and SUBGRAPH_AUTH (readSubgraphTrust); absent: open on loopback. */
  trust?: SubgraphTrust;
  logLevel: string;
  /** Files, directories or globs of Backstage descriptors; empty: no file source. */
  catalogPaths: string[];
  /** Relative catalog paths are resolved against this directory. */
  cwd: string;
  /** Directories Location targets may read besides those of `catalogPaths` (relative to `cwd`). */
  allowedRoots?: string[];
  /** A reload that removes more than this percentage of a source's entities is held (default 20). */
  maxDropPercent?: number;
  /** Reloads in a row showing a held drop before it applies (default 3). */
  dropConfirmations?: number;
  /** Live reload of the file source; absent: read once. */
  watch?: { debounceMs: number };
  /** A Backstage backend as a source, besides or instead of files. */
  backstage?: BackstageConfig;
}

/**
 * Sources: CATALOG_PATHS and/or BACKSTAGE_URL. With neither, the demo organisation's YAML; with
 * only BACKSTAGE_URL, Backstage alone.
 */
export function readCatalogConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): CatalogConfig {
  const c = readConfig(catalogConfigSchema, env);
  if (c.BACKSTAGE_TOKEN !== undefined && c.BACKSTAGE_URL === undefined) {
    throw new ConfigError('Configuration error: BACKSTAGE_TOKEN is set but BACKSTAGE_URL is not; set BACKSTAGE_URL to the Backstage backend, e.g. http://localhost:7007.');
  }
  const backstage: BackstageConfig | undefined = c.BACKSTAGE_URL
    ? {
        url: c.BACKSTAGE_URL.replace(/\/+$/, ''),
        ...(c.BACKSTAGE_TOKEN !== undefined && { token: c.BACKSTAGE_TOKEN }),
        syncIntervalMs: c.BACKSTAGE_SYNC_INTERVAL_MS,
        policy: readUpstreamPolicy('BACKSTAGE', c, BACKSTAGE_POLICY),
        pageSize: c.BACKSTAGE_PAGE_SIZE,
      }
    : undefined;
  return {
    port: c.PORT,
    host: c.HOST,
    trust: readSubgraphTrust(c, c.HOST),
    logLevel: c.LOG_LEVEL,
    catalogPaths: c.CATALOG_PATHS ?? (backstage ? [] : [DEMO_CATALOG_PATH]),
    cwd,
    ...(c.CATALOG_ALLOWED_ROOTS && { allowedRoots: c.CATALOG_ALLOWED_ROOTS }),
    maxDropPercent: c.CATALOG_MAX_DROP,
    dropConfirmations: c.CATALOG_DROP_CONFIRMATIONS,
    ...(c.CATALOG_WATCH && { watch: { debounceMs: c.CATALOG_WATCH_DEBOUNCE_MS } }),
    ...(backstage && { backstage }),
  };
}
