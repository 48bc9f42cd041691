import type { Comparison } from './compareResponses';
import type { Economy } from './measureUpstreamEconomy';
import type { BenchQuery } from './benchQueries';
import type { ContenderKey } from './startContenders';
import type { CellSummary } from './summariseCells';

export interface GatewayReport {
  title: string;
  queries: BenchQuery[];
  connections: number[];
  contenders: { key: ContenderKey; label: string }[];
  cell(query: BenchQuery['key'], connections: number, contender: ContenderKey): CellSummary;
  comparisons: Map<BenchQuery['key'], Comparison>;
  /** The warm dashboard at the highest connection count, or why it was not measured. */
  cached: { summary: CellSummary } | { missing: string };
  economy: Economy;
}

const DASHBOARD_SPEEDUP = 1.5;
const CPU_CEILING = 0.7;
const CACHED_SPEEDUP = 10;
const CACHED_P99_MS = 10;

/** Width of the gateway column. */
const LABEL = 19;
const x = (ratio: number) => `x${ratio.toFixed(2)}`;
const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const pad = (value: string, width: number) => value.padStart(width);

/** The side-by-side tables, then one line per target of issue 12 with PASS or FAIL. */
export function printGatewayReport(report: GatewayReport): void {
  console.log(`\n${report.title}`);
  for (const query of report.queries) {
    const same = report.comparisons.get(query.key);
    console.log(`\n${query.label}${same ? (same.same ? '  (same data from every gateway)' : '  (DATA DIFFERS, see targets)') : ''}`);
    console.log(
      `${'gateway'.padEnd(LABEL)}${pad('conns', 6)}${pad('req/s', 7)}${pad('p50', 10)}${pad('p99', 10)}${pad('CPU ms/req', 11)}${pad('RSS MiB', 8)}${pad('fetch/req', 10)}` +
        `${pad('req/s /Hive', 13)}${pad('/Apollo', 9)}${pad('CPU /Hive', 11)}${pad('/Apollo', 9)}`,
    );
    for (const connections of report.connections) {
      const hive = report.cell(query.key, connections, 'hive');
      const apollo = report.cell(query.key, connections, 'apollo');
      for (const contender of report.contenders) {
        const s = report.cell(query.key, connections, contender.key);
        console.log(
          `${contender.label.padEnd(LABEL)}${pad(String(connections), 6)}${pad(s.perSecond.toFixed(0), 7)}${pad(`${s.p50.toFixed(1)} ms`, 10)}${pad(`${s.p99.toFixed(1)} ms`, 10)}` +
            `${pad(s.cpuMsPerRequest.toFixed(2), 11)}${pad((s.rssBytes / 2 ** 20).toFixed(0), 8)}${pad(s.fetchesPerRequest.toFixed(2), 10)}` +
            `${pad(x(s.perSecond / hive.perSecond), 13)}${pad(x(s.perSecond / apollo.perSecond), 9)}` +
            `${pad(x(s.cpuMsPerRequest / hive.cpuMsPerRequest), 11)}${pad(x(s.cpuMsPerRequest / apollo.cpuMsPerRequest), 9)}` +
            `${s.failures ? `  ! ${s.failures} failed` : ''}`,
        );
      }
    }
  }
  printTargets(report);
}

function printTargets(report: GatewayReport): void {
  const top = Math.max(...report.connections);
  const lines: [string, string, string][] = [];

  const dashboard = report.cell('dashboard', top, 'devgraph');
  const hiveDashboard = report.cell('dashboard', top, 'hive');
  const speedup = dashboard.perSecond / hiveDashboard.perSecond;
  lines.push([`uncached: dashboard @${top}, devgraph req/s >= ${DASHBOARD_SPEEDUP}x Hive`, `${x(speedup)} (${dashboard.perSecond.toFixed(0)} vs ${hiveDashboard.perSecond.toFixed(0)} req/s)`, mark(speedup >= DASHBOARD_SPEEDUP)]);

  const cpuRatios = report.queries.flatMap((q) =>
    report.connections.map((c) => ({ where: `${q.key} @${c}`, ratio: report.cell(q.key, c, 'devgraph').cpuMsPerRequest / report.cell(q.key, c, 'apollo').cpuMsPerRequest })),
  );
  const worst = cpuRatios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const best = cpuRatios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  lines.push([`uncached: devgraph CPU/request <= ${CPU_CEILING}x stock Apollo, every cell`, `${x(best.ratio)} (${best.where}) .. ${x(worst.ratio)} (${worst.where})`, mark(worst.ratio <= CPU_CEILING)]);

  const differing = [...report.comparisons].filter(([, c]) => !c.same);
  lines.push(['uncached: the same data from every gateway', differing.length ? differing.map(([k, c]) => `${k}: ${c.differences.join('; ')}`).join(' | ') : `${report.comparisons.size} queries identical`, mark(differing.length === 0)]);

  if ('missing' in report.cached) {
    lines.push([`cached: warm dashboard @${top} >= ${CACHED_SPEEDUP}x uncached req/s, p99 <= ${CACHED_P99_MS} ms`, `not measured: ${report.cached.missing}`, 'FAIL']);
  } else {
    const warm = report.cached.summary;
    const ratio = warm.perSecond / dashboard.perSecond;
    lines.push([
      `cached: warm dashboard @${top} >= ${CACHED_SPEEDUP}x uncached req/s, p99 <= ${CACHED_P99_MS} ms`,
      `${x(ratio)} (${warm.perSecond.toFixed(0)} req/s), p99 ${warm.p99.toFixed(1)} ms`,
      mark(ratio >= CACHED_SPEEDUP && warm.p99 <= CACHED_P99_MS),
    ]);
  }

  const e = report.economy;
  for (const row of e.rows) {
    lines.push([`economy, ${e.components}-component list, ${row.tool} ${row.endpoint}: cold <= ${row.limit}, warm 0`, `cold ${row.cold}, warm ${row.warm}`, mark(row.cold <= row.limit && row.warm === 0)]);
  }
  lines.push(['economy, synthetic 500-component catalog', 'not run: the simulators cannot be seeded with a synthetic organisation yet', 'FAIL']);

  console.log(`\nTargets (issue 12)${e.errors ? `  [the economy query answered ${e.errors} error(s)]` : ''}; ${e.services} PagerDuty services, ${e.projects} GrowthBook projects in the list`);
  const width = Math.max(...lines.map((l) => l[0].length)) + 2;
  for (const [target, measured, result] of lines) console.log(`${target.padEnd(width)}${measured.padEnd(52)} ${result}`);
}
