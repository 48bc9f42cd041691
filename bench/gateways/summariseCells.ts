import type { CellResult } from './runCell';

export interface CellSummary {
  perSecond: number;
  /** Median over rounds of each round's percentile. */
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  /** Subgraph fetches per request. */
  fetchesPerRequest: number;
  /** Largest RSS seen after a round. */
  rssBytes: number;
  failures: number;
  rounds: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One cell's rounds as one row: throughput and CPU over all requests of all rounds together. */
export function summariseCells(rounds: CellResult[]): CellSummary {
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const sent = rounds.reduce((sum, r) => sum + r.sent, 0);
  const cpuSeconds = rounds.reduce((sum, r) => sum + r.cpuSeconds, 0);
  return {
    perSecond: requests / seconds,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    // Per request served: every request sent was served, those in flight at the end included.
    cpuMsPerRequest: (cpuSeconds * 1000) / sent,
    fetchesPerRequest: rounds.reduce((sum, r) => sum + r.subgraphFetches, 0) / sent,
    rssBytes: Math.max(...rounds.map((r) => r.rssBytes)),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    rounds: rounds.length,
  };
}
