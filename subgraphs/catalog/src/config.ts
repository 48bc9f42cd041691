import path from 'node:path';
import { z } from 'zod';
import { configFields, readConfig } from '@devgraph/runtime';

/** The demo organisation shipped in the repo: what `npm start` serves when nothing is configured. */
export const DEMO_CATALOG_PATH = path.resolve(__dirname, '../../../demo/catalog/catalog-info.yaml');

export const catalogConfigSchema = z.object({
  PORT: configFields.port(4001),
  HOST: configFields.host(),
  LOG_LEVEL: configFields.logLevel(),
  CATALOG_PATHS: configFields.list('./catalog-info.yaml,./teams/*.yaml').optional(),
});

export interface CatalogConfig {
  port: number;
  host: string;
  logLevel: string;
  /** Files, directories or globs of Backstage descriptors; the demo catalog when unset. */
  catalogPaths: string[];
  /** Relative catalog paths are resolved against this directory. */
  cwd: string;
}

export function readCatalogConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): CatalogConfig {
  const c = readConfig(catalogConfigSchema, env);
  return { port: c.PORT, host: c.HOST, logLevel: c.LOG_LEVEL, catalogPaths: c.CATALOG_PATHS ?? [DEMO_CATALOG_PATH], cwd };
}
