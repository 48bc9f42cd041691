import { SUBGRAPHS, type SubgraphEntry } from '@devgraph/registry';
import type { Logger, RunningServer, RunServiceOptions } from '@devgraph/runtime';
import { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';
import { startGateway, type GatewayConfig, type RunningGateway } from '@devgraph/gateway';
import { gatewayConfig, postGraphQL, type GraphQLResponse } from './startStack';
import { memoryLogger } from './silentLogger';

/** What every subgraph package's entry point exports (see packages/registry). */
interface SubgraphPackage {
  subgraph: RunServiceOptions<{ logLevel: string }>;
  startSimulator?: (options: { token: string }) => Promise<{ url: string; port: number; close(): Promise<void> }>;
}

export interface RegisteredStack {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningServer>;
  /** Every line the gateway and the subgraphs logged (no secrets are given to their loggers, so nothing is scrubbed for us). */
  logLines: string[];
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The whole stack in one process, from the registry alone: each registered subgraph is started
 * from its package's `subgraph` definition with an environment, as `npm start` configures its
 * process (a tool's subgraph pointed at its simulator with the demo token), then the gateway.
 * A new subgraph in the registry is in this stack without touching this file.
 */
export async function startRegisteredStack(options: { only?: string[]; env?: Record<string, string>; gateway?: Partial<GatewayConfig> } = {}): Promise<RegisteredStack> {
  const entries = SUBGRAPHS.filter((s) => !options.only || options.only.includes(s.name));
  const closers: (() => Promise<void>)[] = [];
  const subgraphs: Record<string, RunningServer> = {};
  const logLines: string[] = [];
  const logger = (service: string) => memoryLogger(service, [], logLines).logger;
  try {
    for (const entry of entries) subgraphs[entry.name] = await startOne(entry, options.env ?? {}, closers, logger);
    const gateway = await startGateway(
      gatewayConfig(entries.map((s) => ({ name: s.name, url: subgraphs[s.name]!.url })), options.gateway),
      logger('gateway'),
    );
    closers.unshift(() => gateway.close());
    await gateway.ready;
    return { gateway, subgraphs, logLines, query: (q, v) => postGraphQL(gateway.url, q, v), close: () => closeAll(closers) };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function startOne(
  entry: SubgraphEntry,
  extraEnv: Record<string, string>,
  closers: (() => Promise<void>)[],
  logger: (service: string) => Logger,
): Promise<RunningServer> {
  // The package name comes from the registry; jest resolves it through the workspace link.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require(entry.packageName) as SubgraphPackage;
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...extraEnv };
  if (entry.tool && !extraEnv[entry.tool.urlVar]) {
    if (!pkg.startSimulator) throw new Error(`${entry.packageName} registers a tool but exports no startSimulator`);
    const simulator = await pkg.startSimulator({ token: DEFAULT_SIMULATOR_TOKEN });
    closers.unshift(() => simulator.close());
    Object.assign(env, { [entry.tool.urlVar]: entry.tool.simulator.baseUrl(simulator.port), [entry.tool.tokenVar]: DEFAULT_SIMULATOR_TOKEN });
  }
  // `start` resolves to the subgraph's RunningServer (with its URL); RunServiceOptions types it as a handle.
  const server = (await pkg.subgraph.start(pkg.subgraph.readConfig(env), logger(entry.name))) as RunningServer;
  closers.unshift(() => server.close());
  return server;
}

async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers.splice(0)) await close();
}
