import { loadDemoOrganisation, startSimulator, type DemoOrganisation, type Simulator } from '@devgraph/simulator-kit';
import { createGrowthBookApi } from './createGrowthBookApi';
import { seedGrowthBook } from './seedGrowthBook';

/** The key the demo uses when nothing else is configured (also `npm start`'s). */
export { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';
import { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';

export interface GrowthBookSimulatorOptions {
  port?: number;
  host?: string;
  /** Accepted secret key; any other gets GrowthBook's 401. */
  token?: string;
  /** The demo company; loaded from demo/catalog when not given. */
  org?: DemoOrganisation;
  /** Largest page served (GrowthBook: 100); lower it to exercise paging. */
  maxLimit?: number;
}

/**
 * GrowthBook on 127.0.0.1, seeded from the demo organisation, inside the simulator kit (request
 * log, fault injection, `/__simulator/*` controls). Base URL for devgraph: `${url}/api`.
 */
export async function startGrowthBookSimulator(options: GrowthBookSimulatorOptions = {}): Promise<Simulator> {
  const org = options.org ?? (await loadDemoOrganisation());
  const seed = seedGrowthBook(org);
  return startSimulator({
    name: 'growthbook',
    api: createGrowthBookApi({ seed, token: options.token ?? DEFAULT_SIMULATOR_TOKEN, maxLimit: options.maxLimit }),
    port: options.port,
    host: options.host,
  });
}
