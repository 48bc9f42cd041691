import type { SubgraphEndpoint } from '@devgraph/gateway';
import { processTreeCpuSeconds } from '../processTreeCpuSeconds';
import { countSubgraphOperations } from './countSubgraphOperations';

/** How long nothing may move for the gateway to count as idle. */
const QUIET_MS = 300;
const POLL_MS = 50;
/** Past this the cell is measured as it is; a gateway this busy after its load has a problem the table shows anyway. */
const GIVE_UP_MS = 15_000;

/**
 * Wait until a gateway has finished the requests a load generator left in flight when it
 * stopped (they are abandoned, not cancelled: the gateway still serves them): no subgraph
 * fetch and no CPU tick for QUIET_MS. Reading CPU and fetch counts only then attributes that
 * tail to its cell. Resolves with the subgraph operation count at that moment.
 */
export async function waitUntilQuiet(pid: number, subgraphs: SubgraphEndpoint[]): Promise<number> {
  const deadline = Date.now() + GIVE_UP_MS;
  let last = { fetches: await countSubgraphOperations(subgraphs), cpu: processTreeCpuSeconds(pid)?.total ?? 0, since: Date.now() };
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = { fetches: await countSubgraphOperations(subgraphs), cpu: processTreeCpuSeconds(pid)?.total ?? 0 };
    if (now.fetches !== last.fetches || now.cpu !== last.cpu) last = { ...now, since: Date.now() };
    else if (Date.now() - last.since >= QUIET_MS) break;
  }
  return last.fetches;
}
