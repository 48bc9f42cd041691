import type { GraphQLSchema } from 'graphql';
import { DEMO_CATALOG, loadDemoOrganisation, startSimulator, type Simulator } from '@devgraph/simulator-kit';
import { createGithubApi } from './createGithubApi';
import { createGithubSeed } from './createGithubSeed';
import { loadGithubSchema } from './githubSchema';
import type { GithubSeed } from './seedTypes';

export { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';
import { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';

export interface GithubSimulatorOptions {
  port?: number;
  host?: string;
  /** The token the simulator accepts (default `devgraph-demo-token`); any other gets GitHub's 401. */
  token?: string;
  catalogPath?: string;
  /** Activity ends at this date (default: today, 00:00 UTC), so the same day gives the same data. */
  referenceDate?: Date;
  /** GraphQL budget to start with (default 5000 of 5000, reset in an hour); each query costs 1. */
  rateLimit?: { limit?: number; remaining?: number; resetInSeconds?: number };
  /** Pass one schema to many simulators (tests) to build it once. */
  schema?: GraphQLSchema;
  /**
   * Changes the seeded data before serving it: tests add the repositories the demo organisation
   * has no reason to hold (an empty one, one never released) without touching the shared catalog.
   */
  editSeed?: (seed: GithubSeed) => void;
}

const startOfToday = () => new Date(new Date().toISOString().slice(0, 10));

/**
 * GitHub's GraphQL API on 127.0.0.1 over the demo organisation, validating every query against
 * GitHub's real schema. The kit adds the request log (`count('/graphql')`) and faults
 * (`inject(githubFaults.rateLimited())`, latency, hangs, 5xx).
 */
export async function startGithubSimulator(options: GithubSimulatorOptions = {}): Promise<Simulator> {
  const org = await loadDemoOrganisation(options.catalogPath ?? DEMO_CATALOG);
  const seed = createGithubSeed(org, options.referenceDate ?? startOfToday());
  options.editSeed?.(seed);
  const limit = options.rateLimit?.limit ?? 5000;
  const api = createGithubApi({
    schema: options.schema ?? loadGithubSchema(),
    seed,
    token: options.token ?? DEFAULT_SIMULATOR_TOKEN,
    rateLimit: {
      limit,
      remaining: options.rateLimit?.remaining ?? limit,
      used: limit - (options.rateLimit?.remaining ?? limit),
      resetAt: new Date(Date.now() + (options.rateLimit?.resetInSeconds ?? 3600) * 1000),
      cost: 1,
    },
  });
  return startSimulator({ name: 'github', api, port: options.port, host: options.host });
}
