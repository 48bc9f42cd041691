/**
 * Side by side (issue 12): devgraph's production gateway, stock Apollo (`@apollo/server` +
 * `@apollo/gateway`) and Hive Gateway (one worker, defaults), and for information devgraph with
 * in-flight deduplication off, each its own process over the same
 * composed supergraph, the same four subgraphs and three simulators (processes from dist/, as
 * `npm start` runs them, SUBGRAPH_AUTH=off, every simulator answer delayed by
 * BENCH_UPSTREAM_LATENCY_MS). Three queries at 10 and 50 connections, BENCH_GATEWAY_SECONDS per
 * cell, BENCH_GATEWAY_ROUNDS rounds with the gateways' order rotated each round so a busy spell
 * on the machine hits all three. Before any load: the upstream calls of one cold and one warm
 * component list through devgraph, and whether all three return the same data. Prints req/s,
 * p50/p99, gateway CPU per request (/proc), RSS, ratios and PASS/FAIL per target of the issue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeFromRepo } from '@devgraph/gateway';
import { buildAll } from '../scripts/build/buildAll';
import { inheritedEnv, readBenchConfig } from './config';
import { benchQueries, type BenchQuery } from './gateways/benchQueries';
import { compareResponses, type Comparison } from './gateways/compareResponses';
import { measureUpstreamEconomy } from './gateways/measureUpstreamEconomy';
import { printGatewayReport } from './gateways/printGatewayReport';
import { probeResponseCache } from './gateways/probeResponseCache';
import { runCell, type CellResult } from './gateways/runCell';
import { startBenchStack } from './gateways/startBenchStack';
import { startContenders, type ContenderKey } from './gateways/startContenders';
import { summariseCells, type CellSummary } from './gateways/summariseCells';

const CONNECTIONS = [10, 50];
/** Untimed load per gateway and query before the rounds: JIT, connection pools, subgraph caches. */
const WARMUP_SECONDS = 2;

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  const { gatewaySeconds, gatewayRounds, upstreamLatencyMs } = readBenchConfig();
  const loadAtStart = load();
  const build = await buildAll();
  console.log(`dist/ built in ${(build.durationMs / 1000).toFixed(2)} s; Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart}`);

  const stack = await startBenchStack({ baseEnv: inheritedEnv(), latencyMs: upstreamLatencyMs });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-bench-gateways-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  fs.writeFileSync(supergraphPath, composeFromRepo(stack.subgraphs));
  let contenders: Awaited<ReturnType<typeof startContenders>> | undefined;
  try {
    contenders = await startContenders({ supergraphPath, subgraphs: stack.subgraphs, baseEnv: inheritedEnv() });
    const devgraph = contenders.get('devgraph');
    const { subgraphs } = stack;
    // First, while every subgraph cache is still empty.
    const economy = await measureUpstreamEconomy(devgraph.url, stack.simulators);
    const queries = benchQueries();
    const comparisons = new Map<BenchQuery['key'], Comparison>();
    for (const q of queries) comparisons.set(q.key, await compareResponses(contenders.all, q.query));
    const dashboard = queries.find((q) => q.key === 'dashboard')!;
    const cacheBuilt = await probeResponseCache(devgraph.url, dashboard.query);

    for (const c of contenders.all) {
      for (const q of queries) await runCell({ url: c.url, pid: c.process.pid, subgraphs, query: q.query, connections: CONNECTIONS[0]!, seconds: WARMUP_SECONDS, noCache: true });
    }
    const cells = new Map<string, CellResult[]>();
    const cached: CellResult[] = [];
    const record = (key: string, result: CellResult) => cells.set(key, [...(cells.get(key) ?? []), result]);
    for (let round = 0; round < gatewayRounds; round++) {
      const shift = round % contenders.all.length;
      const order = [...contenders.all.slice(shift), ...contenders.all.slice(0, shift)];
      for (const q of queries) {
        for (const connections of CONNECTIONS) {
          for (const c of order) {
            const result = await runCell({ url: c.url, pid: c.process.pid, subgraphs, query: q.query, connections, seconds: gatewaySeconds, noCache: true });
            record(`${q.key}|${connections}|${c.key}`, result);
            console.log(
              `round ${round + 1}/${gatewayRounds}  ${q.key.padEnd(9)} @${String(connections).padEnd(3)} ${c.label.padEnd(19)} ${(result.requests / result.seconds).toFixed(0).padStart(6)} req/s  p99 ${result.p99.toFixed(1)} ms${result.failures ? `  ${result.failures} failed` : ''}`,
            );
          }
        }
      }
      if (cacheBuilt) cached.push(await runCell({ url: devgraph.url, pid: devgraph.process.pid, subgraphs, query: dashboard.query, connections: Math.max(...CONNECTIONS), seconds: gatewaySeconds, noCache: false }));
    }

    const summaries = new Map<string, CellSummary>([...cells].map(([key, rounds]) => [key, summariseCells(rounds)]));
    printGatewayReport({
      title:
        `Gateways side by side: ${gatewaySeconds} s per cell x ${gatewayRounds} rounds, upstream latency ${upstreamLatencyMs} ms, ` +
        `load average ${loadAtStart} at start, ${load()} at the end`,
      queries,
      connections: CONNECTIONS,
      contenders: contenders.all.map((c) => ({ key: c.key, label: c.label })),
      cell: (query, connections, contender: ContenderKey) => summaries.get(`${query}|${connections}|${contender}`)!,
      comparisons,
      cached: cacheBuilt ? { summary: summariseCells(cached) } : { missing: 'devgraph has no response cache yet (no extensions.cache in its answer)' },
      economy,
    });
  } finally {
    await contenders?.close();
    await stack.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
