import { loadDemoOrganisation, startSimulator, type Simulator } from '@devgraph/simulator-kit';
import type { PagerDutyData } from './PagerDutyData';
import { numberIncidents, seedPagerDutyData } from './seedPagerDutyData';
import { createPagerDutyApi } from './createPagerDutyApi';
import { DEFAULT_SIMULATOR_TOKEN } from './config';

export { DEFAULT_SIMULATOR_TOKEN };


export interface PagerDutySimulatorOptions {
  port?: number;
  host?: string;
  /** The API key the simulator accepts; others get PagerDuty's 401. */
  token?: string;
  /** Clock in epoch ms; the incident history is laid out relative to it. Default `Date.now`. */
  now?: () => number;
  /** The demo catalog to seed from (default: the repo's demo organisation). */
  catalogPath?: string;
  /** Edit the seeded account before serving, e.g. to add incidents with known times. */
  customize?: (data: PagerDutyData) => void;
}

export interface PagerDutySimulator extends Simulator {
  /** The account being served (read it in tests to know what to expect). */
  data: PagerDutyData;
}

/** A PagerDuty REST API v2 stand-in on 127.0.0.1, seeded from the demo organisation. */
export async function startPagerDutySimulator(options: PagerDutySimulatorOptions = {}): Promise<PagerDutySimulator> {
  const now = options.now ?? Date.now;
  const data = seedPagerDutyData(await loadDemoOrganisation(options.catalogPath), now());
  if (options.customize) {
    options.customize(data);
    numberIncidents(data.incidents);
  }
  const simulator = await startSimulator({
    name: 'pagerduty',
    api: createPagerDutyApi(data, { token: options.token ?? DEFAULT_SIMULATOR_TOKEN, now }),
    port: options.port,
    host: options.host,
  });
  return Object.assign(simulator, { data });
}
