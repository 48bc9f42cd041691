/**
 * Every subgraph devgraph ships, declared once. The gateway's default SUBGRAPHS, `npm start`,
 * `npm run compose`, the codegen check and the test stack all read this list, so adding a
 * subgraph is one entry here and one folder under subgraphs/ (see docs/ARCHITECTURE.md).
 * Pure data: importing it loads no subgraph code.
 */
export interface ToolEntry {
  /** The tool's name for people (`GitHub`). */
  tool: string;
  /** The variable that points the subgraph at the real tool; unset under `npm start` = simulator. */
  urlVar: string;
  /** The variable that holds the tool's credential (a secret: only this subgraph's process gets it). */
  tokenVar: string;
  simulator: {
    /** Process name in `npm start` logs. */
    name: string;
    portVar: string;
    port: number;
    /** The simulator's base URL as the tool's client expects it (GrowthBook's ends in /api). */
    baseUrl: (port: number | string) => string;
  };
}

export interface SubgraphEntry {
  /** The subgraph's name in SUBGRAPHS, the supergraph, logs and `extensions.subgraph`. */
  name: string;
  /** The workspace package; its entry point exports `subgraph` (a SubgraphDefinition). */
  packageName: string;
  /** Repository-relative folder: schema.graphql, src/main.ts, simulator/main.ts live under it. */
  dir: string;
  port: number;
  /** The `npm start` variable that moves it. */
  portVar: string;
  /** The upstream tool it wraps, when it has one with a simulator. */
  tool?: ToolEntry;
  /**
   * Every secret variable this subgraph reads. `npm start` hands each process only its own:
   * a crash dump or a compromised subgraph holds one tool's token, not all of them.
   */
  secretVars: readonly string[];
}

const local = (port: number | string, path = '') => `http://127.0.0.1:${port}${path}`;

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'catalog', packageName: '@devgraph/catalog', dir: 'subgraphs/catalog', port: 4001, portVar: 'CATALOG_PORT', secretVars: ['BACKSTAGE_TOKEN'] },
  {
    name: 'scm', packageName: '@devgraph/scm', dir: 'subgraphs/scm', port: 4002, portVar: 'SCM_PORT', secretVars: ['GITHUB_TOKEN'],
    tool: { tool: 'GitHub', urlVar: 'GITHUB_API_URL', tokenVar: 'GITHUB_TOKEN', simulator: { name: 'github-sim', portVar: 'GITHUB_SIMULATOR_PORT', port: 4102, baseUrl: (p) => local(p) } },
  },
  {
    name: 'incidents', packageName: '@devgraph/incidents', dir: 'subgraphs/incidents', port: 4003, portVar: 'INCIDENTS_PORT', secretVars: ['PAGERDUTY_TOKEN'],
    tool: { tool: 'PagerDuty', urlVar: 'PAGERDUTY_API_URL', tokenVar: 'PAGERDUTY_TOKEN', simulator: { name: 'pagerduty-sim', portVar: 'PAGERDUTY_SIMULATOR_PORT', port: 4103, baseUrl: (p) => local(p) } },
  },
  {
    name: 'experiments', packageName: '@devgraph/experiments', dir: 'subgraphs/experiments', port: 4004, portVar: 'EXPERIMENTS_PORT', secretVars: ['GROWTHBOOK_API_KEY'],
    tool: { tool: 'GrowthBook', urlVar: 'GROWTHBOOK_API_URL', tokenVar: 'GROWTHBOOK_API_KEY', simulator: { name: 'growthbook-sim', portVar: 'GROWTHBOOK_SIMULATOR_PORT', port: 4104, baseUrl: (p) => local(p, '/api') } },
  },
];

export const schemaPathOf = (entry: SubgraphEntry) => `${entry.dir}/schema.graphql`;
export const mainPathOf = (entry: SubgraphEntry) => `${entry.dir}/src/main.ts`;
export const simulatorMainPathOf = (entry: SubgraphEntry) => `${entry.dir}/simulator/main.ts`;
export const graphqlUrlOf = (port: number | string) => local(port, '/graphql');

/** The entry of a subgraph by name; undefined for a subgraph devgraph does not ship (a user's own). */
export const subgraphNamed = (name: string): SubgraphEntry | undefined => SUBGRAPHS.find((s) => s.name === name);

/** `catalog=http://127.0.0.1:4001/graphql,...`: where every subgraph listens by default. */
export const defaultSubgraphList = (): string => SUBGRAPHS.map((s) => `${s.name}=${graphqlUrlOf(s.port)}`).join(',');

/** Every secret any subgraph reads: what a process that is not that subgraph must not inherit. */
export const allSecretVars = (): string[] => [...new Set(SUBGRAPHS.flatMap((s) => s.secretVars))];
