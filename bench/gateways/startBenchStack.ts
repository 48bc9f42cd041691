import { SUBGRAPHS } from '@devgraph/registry';
import type { SubgraphEndpoint } from '@devgraph/gateway';
import { compiledEntry, REPO_ROOT } from '../../scripts/build/entryPoints';
import { launchPlan } from '../../scripts/launch/config';
import { probeReady } from '../../scripts/launch/probeReady';
import { freePorts } from '../../test/support/freePort';
import { spawnProcess, waitForProcess, type RunningProcess } from './spawnProcess';

/** One tool's simulator as the benchmark drives it: over its HTTP control endpoints. */
export interface BenchSimulator {
  /** The tool (`GitHub`), for the report. */
  tool: string;
  url: string;
  /** Requests the upstream API received since the last reset, per path (`/services/P1`). */
  requestsByPath(): Promise<Record<string, number>>;
  resetRequests(): Promise<void>;
}

export interface BenchStack {
  subgraphs: SubgraphEndpoint[];
  simulators: BenchSimulator[];
  close(): Promise<void>;
}

/** Port variables of `npm start`'s launch plan, in the order the free ports are handed out. */
const PORT_VARS = SUBGRAPHS.flatMap((s) => [s.portVar, ...(s.tool ? [s.tool.simulator.portVar] : [])]);

/**
 * The four subgraphs and three simulators as `npm start` runs them (its launch plan, the compiled
 * `dist/` files), on free ports, each its own process, minus `npm start`'s gateway: the
 * benchmark brings its own. Subgraphs run with `SUBGRAPH_AUTH=off`, so every gateway reaches them
 * the same way, and with in-memory caches (no `REDIS_URL`), so the first query is truly cold.
 * Every simulator delays each answer by `latencyMs`, as a real tool across a network would.
 */
export async function startBenchStack(options: { baseEnv: Record<string, string | undefined>; latencyMs: number }): Promise<BenchStack> {
  const ports = await freePorts(PORT_VARS.length);
  // A clean environment: a developer's own REDIS_URL, CATALOG_PATHS or tool URLs must not change the figures.
  const env: Record<string, string> = {
    PATH: options.baseEnv.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SUBGRAPH_AUTH: 'off',
    ...Object.fromEntries(PORT_VARS.map((name, i) => [name, String(ports[i])])),
  };
  const plan = launchPlan(env);
  const processes: RunningProcess[] = [];
  const close = async () => {
    for (const proc of processes.splice(0).reverse()) await proc.stop();
  };
  try {
    const starting: Promise<void>[] = [];
    const simulators: BenchSimulator[] = [];
    for (const spec of plan.services.filter((s) => s.name !== 'gateway')) {
      const proc = spawnProcess(spec.name, [compiledEntry(spec.entry)], { cwd: REPO_ROOT, env: { ...env, ...spec.env, ...spec.secretEnv } });
      processes.push(proc);
      const tool = SUBGRAPHS.find((s) => s.tool?.simulator.name === spec.name)?.tool;
      if (tool) {
        const simulator = simulatorControl(tool.tool, `http://127.0.0.1:${spec.env.PORT}`);
        simulators.push(simulator);
        starting.push(
          waitForProcess(proc, () => probeReady(`${simulator.url}/__simulator/requests`)).then(async () => {
            if (options.latencyMs > 0) await control(simulator.url, 'POST', '/__simulator/faults', { latencyMs: options.latencyMs });
          }),
        );
      } else {
        starting.push(waitForProcess(proc, () => probeReady(spec.readyUrl!)));
      }
    }
    await Promise.all(starting);
    const gateway = plan.services.find((s) => s.name === 'gateway')!;
    const subgraphs = gateway.env.SUBGRAPHS!.split(',').map((pair) => {
      const [name, url] = pair.split('=') as [string, string];
      return { name, url };
    });
    return { subgraphs, simulators, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function simulatorControl(tool: string, url: string): BenchSimulator {
  return {
    tool,
    url,
    requestsByPath: async () => ((await control(url, 'GET', '/__simulator/requests')) as { byPath: Record<string, number> }).byPath,
    resetRequests: async () => void (await control(url, 'DELETE', '/__simulator/requests')),
  };
}

async function control(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${base}${path}: HTTP ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}
