import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { readConfig } from '@devgraph/runtime';
import { compiledEntry } from '../scripts/build/entryPoints';
import { catalogConfigSchema, readCatalogConfig } from '../subgraphs/catalog/src/config';
import { gatewayConfigSchema, readGatewayConfig } from '../gateway/src/config';
import { readScmConfig, scmConfigSchema } from '../subgraphs/scm/src/config';
import { incidentsConfigSchema, readIncidentsConfig } from '../subgraphs/incidents/src/config';
import { experimentsConfigSchema, readExperimentsConfig } from '../subgraphs/experiments/src/config';
import { githubSimulatorConfigSchema } from '../subgraphs/scm/simulator/config';
import { simulatorConfigSchema as pagerdutySimulatorConfigSchema } from '../subgraphs/incidents/simulator/config';
import { simulatorConfigSchema as growthbookSimulatorConfigSchema } from '../subgraphs/experiments/simulator/config';

// No Docker engine runs here, so the compose file is kept honest by checking it against the
// same config schemas the processes validate at start.
const ROOT = path.resolve(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { build?: string; image?: string; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown>; ports?: string[] }>;
};

type Reader = (env: Record<string, string>) => unknown;
const schemas: Record<string, { schema: z.ZodObject; entry: string; read?: Reader }> = {
  catalog: { schema: catalogConfigSchema, entry: 'subgraphs/catalog/src/main.ts', read: (env) => readCatalogConfig(env, '/app') },
  // The production gateway: the image's own command (compose at start, then serve).
  gateway: { schema: gatewayConfigSchema, entry: 'scripts/serveGateway.ts', read: readGatewayConfig },
  scm: { schema: scmConfigSchema, entry: 'subgraphs/scm/src/main.ts', read: readScmConfig },
  incidents: { schema: incidentsConfigSchema, entry: 'subgraphs/incidents/src/main.ts', read: readIncidentsConfig },
  experiments: { schema: experimentsConfigSchema, entry: 'subgraphs/experiments/src/main.ts', read: readExperimentsConfig },
  'github-sim': { schema: githubSimulatorConfigSchema, entry: 'subgraphs/scm/simulator/main.ts' },
  'pagerduty-sim': { schema: pagerdutySimulatorConfigSchema, entry: 'subgraphs/incidents/simulator/main.ts' },
  'growthbook-sim': { schema: growthbookSimulatorConfigSchema, entry: 'subgraphs/experiments/simulator/main.ts' },
};

/** Compose's `${VAR:-default}` interpolation with the variable unset, as `docker compose up` sees it. */
const interpolate = (env: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));

describe('docker-compose.yml', () => {
  it('runs redis and every devgraph service', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['redis', ...Object.keys(schemas)].sort());
  });

  it.each(Object.keys(schemas))('gives %s only variables its config knows, with valid values', (name) => {
    const service = compose.services[name]!;
    const { schema, entry, read } = schemas[name]!;
    const env = interpolate(service.environment ?? {});
    const unknown = Object.keys(env).filter((key) => !(key in schema.shape));
    expect(unknown).toEqual([]);
    expect(() => readConfig(schema, env)).not.toThrow();
    // The whole reader, cross-field rules included (0.0.0.0 needs a subgraph secret, AUTH_MODE=none needs allowing).
    if (read) expect(() => read(env)).not.toThrow();
    // Compiled JavaScript from the image's build stage, never a TypeScript loader.
    expect(service.command).toEqual(['node', compiledEntry(entry)]);
    expect(service.build).toBe('.');
    expect(fs.existsSync(path.join(ROOT, entry))).toBe(true);
  });

  it('points the gateway at every subgraph service by its compose hostname and port', () => {
    const subgraphs = compose.services.gateway!.environment!.SUBGRAPHS!.split(',');
    for (const entry of subgraphs) {
      const [name, url] = entry.split('=') as [string, string];
      const port = compose.services[name]?.environment?.PORT;
      expect(url).toBe(`http://${name}:${port}/graphql`);
      expect(compose.services.gateway!.depends_on).toHaveProperty(name);
    }
    expect(subgraphs.map((s) => s.split('=')[0])).toEqual(['catalog', 'scm', 'incidents', 'experiments']);
  });

  it.each([
    ['scm', 'GITHUB_API_URL', 'github-sim'],
    ['incidents', 'PAGERDUTY_API_URL', 'pagerduty-sim'],
    ['experiments', 'GROWTHBOOK_API_URL', 'growthbook-sim'],
  ])('points %s at its simulator (%s) and shares Redis', (name, urlVar, simulator) => {
    const env = compose.services[name]!.environment!;
    expect(new URL(env[urlVar]!).host).toBe(`${simulator}:${compose.services[simulator]!.environment!.PORT}`);
    expect(env.REDIS_URL).toBe('redis://redis:6379');
  });

  it('publishes ports on 127.0.0.1 only unless DEVGRAPH_PUBLISH_ADDRESS says otherwise', () => {
    // Compose's ${VAR:-default} interpolation, with the variable unset.
    const published = Object.values(compose.services).flatMap((service) => service.ports ?? []).map((port) => port.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'));
    expect(published).toEqual(['127.0.0.1:4000:4000']);
  });
});

describe('docker-compose.yml trust', () => {
  it('gives the gateway and every subgraph the same subgraph secret', () => {
    const secrets = ['gateway', 'catalog', 'scm', 'incidents', 'experiments'].map((name) => interpolate(compose.services[name]!.environment!).SUBGRAPH_SECRET);
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]!.length).toBeGreaterThanOrEqual(16);
  });
});
