import autocannon from 'autocannon';
import type { SubgraphEndpoint } from '@devgraph/gateway';
import { processTreeCpuSeconds } from '../processTreeCpuSeconds';
import { countSubgraphOperations } from './countSubgraphOperations';
import { processTreeRssBytes } from './processTreeRssBytes';
import { waitUntilQuiet } from './waitUntilQuiet';

export interface CellResult {
  /** Answers received within the cell's time. */
  requests: number;
  /** Requests sent, including those still in flight when the load stopped (the gateway served them too). */
  sent: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Gateway CPU (user + system, its whole process tree) over the cell and its tail. */
  cpuSeconds: number;
  /** Resident memory of the gateway right after the cell. */
  rssBytes: number;
  /** Operations the subgraphs served over the cell and its tail: the gateway's subgraph fetches. */
  subgraphFetches: number;
  /** Non-2xx answers plus connection errors: a cell with any is not comparable. */
  failures: number;
}

/**
 * One cell of the side-by-side table: `connections` clients sending `query` to one gateway for
 * `seconds`, as fast as it answers (autocannon, keep-alive). The gateway's CPU is read from
 * /proc before and after, so CPU per request does not depend on what else the machine runs.
 * `cache-control: no-cache` asks a gateway with a response cache to bypass it (uncached figures).
 * The cell ends when the gateway has served what was still in flight at the end, so its CPU and
 * subgraph fetches are divided by the requests sent, not only those answered in time.
 */
export async function runCell(options: {
  url: string;
  pid: number;
  subgraphs: SubgraphEndpoint[];
  query: string;
  connections: number;
  seconds: number;
  noCache: boolean;
}): Promise<CellResult> {
  const fetchesBefore = await countSubgraphOperations(options.subgraphs);
  const cpuBefore = processTreeCpuSeconds(options.pid);
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.noCache && { 'cache-control': 'no-cache' }) },
    body: JSON.stringify({ query: options.query }),
    connections: options.connections,
    duration: options.seconds,
  });
  const fetchesAfter = await waitUntilQuiet(options.pid, options.subgraphs);
  const cpuAfter = processTreeCpuSeconds(options.pid);
  return {
    requests: result.requests.total,
    sent: result.requests.sent,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuSeconds: cpuBefore && cpuAfter ? cpuAfter.total - cpuBefore.total : Number.NaN,
    rssBytes: cpuAfter ? processTreeRssBytes(cpuAfter.processes.map((p) => p.pid)) : Number.NaN,
    subgraphFetches: fetchesAfter - fetchesBefore,
    failures: result.non2xx + result.errors,
  };
}
