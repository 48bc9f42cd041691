import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface ServiceSpec {
  /** Log prefix and process name. */
  name: string;
  entry: string;
  env: Record<string, string>;
  /** Where to poll for readiness. */
  readyUrl: string;
}

/**
 * The processes `npm start` runs and how they find each other. The user's own environment
 * (CATALOG_PATHS, REDIS_URL, tokens, ...) passes through to every process unchanged;
 * only the ports and the gateway's subgraph list are set here.
 */
export function launchPlan(env: Record<string, string | undefined> = process.env): ServiceSpec[] {
  const gatewayPort = env.PORT ?? '4000';
  const catalogPort = env.CATALOG_PORT ?? '4001';
  const local = (port: string, p = '/graphql') => `http://127.0.0.1:${port}${p}`;
  return [
    {
      name: 'catalog',
      entry: 'subgraphs/catalog/src/main.ts',
      env: { PORT: catalogPort },
      readyUrl: local(catalogPort, '/readyz'),
    },
    {
      name: 'gateway',
      entry: 'gateway/src/main.ts',
      env: { PORT: gatewayPort, SUBGRAPHS: env.SUBGRAPHS ?? `catalog=${local(catalogPort)}` },
      readyUrl: local(gatewayPort, '/readyz'),
    },
  ];
}
