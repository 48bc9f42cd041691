import crypto from 'node:crypto';
import path from 'node:path';
import { allSecretVars, graphqlUrlOf, mainPathOf, simulatorMainPathOf, SUBGRAPHS } from '@devgraph/registry';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * The token the launcher gives both the simulators it starts and the subgraphs it points at
 * them. It is the simulators' own default (a test keeps the two equal, so the README's demo
 * token works with `npm start`); written here because importing the simulator kit would load
 * the runtime, Apollo and Express into the launcher before it starts anything.
 */
export const DEMO_TOKEN = 'devgraph-demo-token';

/**
 * Secrets the launcher hands out itself rather than a tool's: the gateway and every subgraph
 * share SUBGRAPH_SECRET (the gateway signs subgraph requests with it); simulators never get it.
 */
export const LAUNCHER_SECRET_VARS = ['SUBGRAPH_SECRET'] as const;

export interface ServiceSpec {
  /** Log prefix and process name. */
  name: string;
  entry: string;
  env: Record<string, string>;
  /** Where to poll for readiness, when the process has such an endpoint. */
  readyUrl?: string;
  /** The secret variables of the user's environment this process may inherit (none by default). */
  secretVars?: readonly string[];
  /** Secret values the launcher generated for this process; kept apart from `env` so nothing prints them. */
  secretEnv?: Record<string, string>;
}

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
  const local = (port: string | number, p: string) => `http://127.0.0.1:${port}${p}`;
  const services: ServiceSpec[] = [];
  const subgraphs: string[] = [];
  const sources: string[] = [];
  // Subgraphs serve only gateway-signed requests: zero-config, a fresh random secret per run.
  const trustEnv: Record<string, string> = env.SUBGRAPH_SECRET ? {} : { SUBGRAPH_SECRET: crypto.randomBytes(32).toString('base64url') };

  // Every subgraph in the registry, in its order; a tool's simulator starts just before it.
  for (const entry of SUBGRAPHS) {
    const port = env[entry.portVar] ?? String(entry.port);
    const subgraphEnv: Record<string, string> = { PORT: port };
    const tool = entry.tool;
    if (!tool) {
      sources.push(`${entry.name}: ${env.CATALOG_PATHS ? `CATALOG_PATHS=${env.CATALOG_PATHS}` : 'the demo organisation (set CATALOG_PATHS for yours)'}`);
    } else if (env[tool.urlVar]) {
      sources.push(`${entry.name}: ${tool.tool} at ${redactUserinfo(env[tool.urlVar]!)}`);
    } else {
      const simPort = env[tool.simulator.portVar] ?? String(tool.simulator.port);
      services.push({ name: tool.simulator.name, entry: simulatorMainPathOf(entry), env: { PORT: simPort, SIMULATOR_TOKEN: DEMO_TOKEN } });
      Object.assign(subgraphEnv, { [tool.urlVar]: tool.simulator.baseUrl(simPort), [tool.tokenVar]: DEMO_TOKEN });
      sources.push(`${entry.name}: ${tool.tool} simulator with demo data (set ${tool.urlVar} and ${tool.tokenVar} for the real one)`);
    }
    services.push({ name: entry.name, entry: mainPathOf(entry), env: subgraphEnv, readyUrl: local(port, '/readyz'), secretVars: [...entry.secretVars, ...LAUNCHER_SECRET_VARS], secretEnv: trustEnv });
    subgraphs.push(`${entry.name}=${graphqlUrlOf(port)}`);
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
    secretVars: LAUNCHER_SECRET_VARS,
    secretEnv: trustEnv,
  });
  return { services, sources, runTypeScript: env.DEVGRAPH_RUN_TS === '1' };
}

/**
 * A child's environment: everything the user set except other processes' secrets, plus what the
 * launch plan decided for it. The scm subgraph gets GITHUB_TOKEN and no other tool's token; the
 * gateway gets only SUBGRAPH_SECRET (as does every subgraph); the simulators get none.
 */
export function childEnv(spec: ServiceSpec, env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const own = new Set(spec.secretVars ?? []);
  const inherited = { ...env };
  for (const name of [...allSecretVars(), ...LAUNCHER_SECRET_VARS]) if (!own.has(name)) delete inherited[name];
  return { ...inherited, ...spec.env, ...spec.secretEnv };
}

/** `https://user:secret@host/api` -> `https://***@host/api`: the banner shows where, never who. */
export function redactUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, '$1***@');
}
