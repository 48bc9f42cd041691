import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * The token the launcher gives both the simulators it starts and the subgraphs it points at
 * them. It is the simulators' own default (a test keeps the two equal, so the README's demo
 * token works with `npm start`); written here because importing the simulator kit would load
 * the runtime, Apollo and Express into the launcher before it starts anything.
 */
export const DEMO_TOKEN = 'devgraph-demo-token';

export interface ServiceSpec {
  /** Log prefix and process name. */
  name: string;
  entry: string;
  env: Record<string, string>;
  /** Where to poll for readiness, when the process has such an endpoint. */
  readyUrl?: string;
}

/** A subgraph that wraps a tool: it gets the real tool when the user configured one, else its simulator. */
interface ToolSubgraph {
  name: string;
  tool: string;
  portVar: string;
  port: number;
  urlVar: string;
  tokenVar: string;
  simulator: { name: string; portVar: string; port: number; baseUrl: (port: string) => string };
}

const TOOLS: ToolSubgraph[] = [
  {
    name: 'scm', tool: 'GitHub', portVar: 'SCM_PORT', port: 4002, urlVar: 'GITHUB_API_URL', tokenVar: 'GITHUB_TOKEN',
    simulator: { name: 'github-sim', portVar: 'GITHUB_SIMULATOR_PORT', port: 4102, baseUrl: (p) => `http://127.0.0.1:${p}` },
  },
  {
    name: 'incidents', tool: 'PagerDuty', portVar: 'INCIDENTS_PORT', port: 4003, urlVar: 'PAGERDUTY_API_URL', tokenVar: 'PAGERDUTY_TOKEN',
    simulator: { name: 'pagerduty-sim', portVar: 'PAGERDUTY_SIMULATOR_PORT', port: 4103, baseUrl: (p) => `http://127.0.0.1:${p}` },
  },
  {
    name: 'experiments', tool: 'GrowthBook', portVar: 'EXPERIMENTS_PORT', port: 4004, urlVar: 'GROWTHBOOK_API_URL', tokenVar: 'GROWTHBOOK_API_KEY',
    simulator: { name: 'growthbook-sim', portVar: 'GROWTHBOOK_SIMULATOR_PORT', port: 4104, baseUrl: (p) => `http://127.0.0.1:${p}/api` },
  },
];

export interface LaunchPlan {
  services: ServiceSpec[];
  /** One line per tool saying whether it is the real one or the simulator, for the banner. */
  sources: string[];
  /**
   * `DEVGRAPH_RUN_TS=1`: run each service's TypeScript through tsx (compiled at every start,
   * the way devgraph used to run) instead of the JavaScript `npm run build` writes to dist/.
   */
  runTypeScript: boolean;
}

/**
 * The processes `npm start` runs and how they find each other. The user's own environment
 * (CATALOG_PATHS, REDIS_URL, tokens, ...) passes through to every process unchanged; a tool
 * whose API URL the user set is used for real, otherwise its simulator is started with demo data.
 */
export function launchPlan(env: Record<string, string | undefined> = process.env): LaunchPlan {
  const local = (port: string | number, p = '/graphql') => `http://127.0.0.1:${port}${p}`;
  const catalogPort = env.CATALOG_PORT ?? '4001';
  const services: ServiceSpec[] = [
    { name: 'catalog', entry: 'subgraphs/catalog/src/main.ts', env: { PORT: catalogPort }, readyUrl: local(catalogPort, '/readyz') },
  ];
  const subgraphs = [`catalog=${local(catalogPort)}`];
  const sources = [`catalog: ${env.CATALOG_PATHS ? `CATALOG_PATHS=${env.CATALOG_PATHS}` : 'the demo organisation (set CATALOG_PATHS for yours)'}`];

  for (const tool of TOOLS) {
    const port = env[tool.portVar] ?? String(tool.port);
    const subgraphEnv: Record<string, string> = { PORT: port };
    if (env[tool.urlVar]) {
      sources.push(`${tool.name}: ${tool.tool} at ${env[tool.urlVar]}`);
    } else {
      const simPort = env[tool.simulator.portVar] ?? String(tool.simulator.port);
      services.push({ name: tool.simulator.name, entry: `subgraphs/${tool.name}/simulator/main.ts`, env: { PORT: simPort, SIMULATOR_TOKEN: DEMO_TOKEN } });
      Object.assign(subgraphEnv, { [tool.urlVar]: tool.simulator.baseUrl(simPort), [tool.tokenVar]: DEMO_TOKEN });
      sources.push(`${tool.name}: ${tool.tool} simulator with demo data (set ${tool.urlVar} and ${tool.tokenVar} for the real one)`);
    }
    services.push({ name: tool.name, entry: `subgraphs/${tool.name}/src/main.ts`, env: subgraphEnv, readyUrl: local(port, '/readyz') });
    subgraphs.push(`${tool.name}=${local(port)}`);
  }

  const gatewayPort = env.PORT ?? '4000';
  services.push({
    name: 'gateway',
    entry: 'gateway/src/main.ts',
    env: {
      PORT: gatewayPort,
      SUBGRAPHS: env.SUBGRAPHS ?? subgraphs.join(','),
      // Everything starts at once, so the gateway's first look usually finds subgraphs still
      // loading; retrying every 200 ms instead of every second puts the stack up sooner.
      SUBGRAPH_RETRY_INTERVAL_MS: env.SUBGRAPH_RETRY_INTERVAL_MS ?? '200',
    },
    readyUrl: local(gatewayPort, '/readyz'),
  });
  return { services, sources, runTypeScript: env.DEVGRAPH_RUN_TS === '1' };
}

/** A child's environment: everything the user set, plus what the launch plan decided for it. */
export function childEnv(spec: ServiceSpec, env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  return { ...env, ...spec.env };
}
