import { randomUUID } from 'node:crypto';
import { upstreamPolicy, type RunningServer, type UpstreamPolicy } from '@devgraph/runtime';
import type { Simulator } from '@devgraph/simulator-kit';
import { startGateway, type RunningGateway } from '../../../gateway/src/startGateway';
import { gatewayConfig, postGraphQL, startCatalog, type GraphQLResponse } from '../../../test/support/startStack';
import { memoryLogger } from '../../../test/support/silentLogger';
import type { ScmConfig } from '../src/config';
import { createScmSubgraph, type ScmDependencies } from '../src/createScmSubgraph';
import { GITHUB_POLICY } from '../src/sources/github/githubPolicy';
import { startGithubSimulator, type GithubSimulatorOptions } from '../simulator/startGithubSimulator';

/** Long and unusual, so a leak into a log line or an error is unmistakable. */
export const TEST_TOKEN = 'ghp_scmTestToken_0123456789abcdefXYZ';

export interface ScmStackOptions {
  simulator?: GithubSimulatorOptions;
  /** SCM_ALLOW_ANY_REPOSITORY: let `Query.repository(owner, name)` answer (default: FORBIDDEN, as in production). */
  allowAnyRepository?: boolean;
  /** Reuse a running simulator (two subgraphs sharing one GitHub). */
  sharedSimulator?: Simulator;
  /** Reuse a running catalog. */
  sharedCatalog?: RunningServer;
  catalogPaths?: string[];
  github?: Partial<Omit<ScmConfig['github'], 'policy'>>;
  /** Over the test policy below (timeouts, retries, backoff; the breaker never opens). */
  policy?: Partial<Omit<UpstreamPolicy, 'breaker'>>;
  cache?: Partial<ScmConfig['cache']>;
  dependencies?: ScmDependencies;
}

export interface ScmStack {
  simulator: Simulator;
  catalog: RunningServer;
  scm: RunningServer;
  gateway: RunningGateway;
  /** Every line the scm subgraph logged, unscrubbed: the token must not be in any of them. */
  scmLogs: string[];
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** GitHub GraphQL calls the simulator received. */
  githubCalls(): number;
  close(): Promise<void>;
}

/**
 * The catalog, the GitHub simulator, the scm subgraph and a gateway, all on port 0, as a user
 * reaches them. Short timeouts and no retry waits, so failure tests stay fast; a breaker that
 * never opens within a test file (tests inject failures on purpose).
 */
export async function startScmStack(options: ScmStackOptions = {}): Promise<ScmStack> {
  const simulator = options.sharedSimulator ?? (await startGithubSimulator({ token: TEST_TOKEN, ...options.simulator }));
  const catalog = options.sharedCatalog ?? (await startCatalog(options.catalogPaths));
  const { logger, lines } = memoryLogger('scm'); // no secrets given: nothing is scrubbed for us
  const config: ScmConfig = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'debug',
    github: {
      apiUrl: simulator.url,
      token: TEST_TOKEN,
      // GitHub's policy with short waits; a breaker that never opens within a test file (tests inject
      // failures on purpose). The timeout is longer than jest's, so a busy machine never turns a
      // healthy answer into a timeout; the hang test sets a short one on a query with one call.
      policy: upstreamPolicy({ ...GITHUB_POLICY, timeoutMs: 60_000, retries: 1, maxDelayMs: 20, breaker: { volumeThreshold: 1000 }, ...options.policy }),
      minRemaining: 10,
      maxUnitsPerQuery: 50,
      ...options.github,
    },
    allowAnyRepository: options.allowAnyRepository ?? false,
    cache: { keyPrefix: `scm-test:${randomUUID()}:`, staleSeconds: 600, ...options.cache },
  };
  // A slow Redis read on a busy machine must not count as a miss (an extra GitHub call the counts would see).
  const scm = await createScmSubgraph(config, logger, { cacheCommandTimeoutMs: 30_000, ...options.dependencies });
  const gateway = await startGateway(gatewayConfig([{ name: 'catalog', url: catalog.url }, { name: 'scm', url: scm.url }]), memoryLogger('gateway').logger);
  await gateway.ready;
  return {
    simulator,
    catalog,
    scm,
    gateway,
    scmLogs: lines,
    query: (q, v) => postGraphQL(gateway.url, q, v),
    githubCalls: () => simulator.count('/graphql'),
    async close() {
      await gateway.close();
      await scm.close();
      if (!options.sharedCatalog) await catalog.close();
      if (!options.sharedSimulator) await simulator.close();
    },
  };
}
