import path from 'node:path';
import { mainPathOf, simulatorMainPathOf, SUBGRAPHS } from '@devgraph/registry';

/** The repository root: scripts/build/ is two levels below it. */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Where `npm run build` writes one CommonJS file per entry point (gitignored). */
export const DIST_DIR = path.join(REPO_ROOT, 'dist');

export interface EntryPoint {
  /** Output name: `dist/<name>.js`. Services use their launch-plan name. */
  name: string;
  /** The TypeScript entry, relative to the repo root. */
  source: string;
}

/**
 * Every program devgraph runs in production: the gateway, its composer, the subgraphs and the
 * simulators. One table, read by the build, the launcher, the Dockerfile test and the benchmark.
 */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'gateway', source: 'gateway/src/main.ts' },
  { name: 'compose', source: 'gateway/src/compose.ts' },
  { name: 'serve-gateway', source: 'scripts/serveGateway.ts' },
  // Every registered subgraph and its tool's simulator, named as the launch plan names them.
  ...SUBGRAPHS.flatMap((s) => [
    { name: s.name, source: mainPathOf(s) },
    ...(s.tool ? [{ name: s.tool.simulator.name, source: simulatorMainPathOf(s) }] : []),
  ]),
  // Backstage is the catalog's optional second source, not a tool npm start simulates.
  { name: 'backstage-sim', source: 'subgraphs/catalog/simulator/main.ts' },
];

/** The compiled file for a TypeScript entry (`gateway/src/main.ts` -> `dist/gateway.js`), relative to the repo root. */
export function compiledEntry(source: string): string {
  const entry = ENTRY_POINTS.find((e) => e.source === source);
  if (!entry) throw new Error(`${source} is not a build entry point; add it to ENTRY_POINTS in scripts/build/entryPoints.ts.`);
  return `dist/${entry.name}.js`;
}
