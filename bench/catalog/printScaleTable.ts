/**
 * The scale benchmark's table: one column per catalog size, the issue's targets beside them and
 * a PASS/FAIL mark taken on the 100k column (or the largest size measured, which the header names).
 */
import { ms } from '../measure';
import type { RowResult } from './measureCatalogScale';
import type { ScaleRun } from './runCatalogScale';

interface Line {
  label: string;
  cell(run: ScaleRun): string;
  /** The figure the target is judged on, and the target, both in the same unit. */
  judge?: { value(run: ScaleRun): number | undefined; limit: number; text: string };
}

const MiB = 1024 * 1024;
const seconds = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
const thousands = (n: number) => n.toLocaleString('en-US');

export function sizeLabel(size: number): string {
  return size >= 1000 ? `${Number((size / 1000).toFixed(1))}k` : String(size);
}

const row = (run: ScaleRun, key: string): RowResult | undefined => run.result.rows[key];
const latency = (key: string) => (run: ScaleRun) => {
  const r = row(run, key);
  if (!r) return 'not run';
  if (!('missing' in r)) return `${ms(r.sample.p50)} / ${ms(r.sample.p99)}`;
  return r.missing.length > 34 ? `${r.missing.slice(0, 33)}…` : r.missing;
};
const p50 = (key: string) => (run: ScaleRun) => {
  const r = row(run, key);
  return r && 'sample' in r ? r.sample.p50 : undefined;
};

const LINES: Line[] = [
  { label: 'entities (YAML files, MB)', cell: (r) => `${thousands(r.result.entities)} (${thousands(r.files)}, ${(r.bytes / 1e6).toFixed(1)})` },
  { label: 'catalog problems (expected 0)', cell: (r) => String(r.result.problems) },
  {
    label: 'load: start until serving',
    cell: (r) => seconds(r.result.loadMs),
    judge: { value: (r) => r.result.loadMs, limit: 10_000, text: '<= 10 s' },
  },
  { label: '  read+parse+validate files (rerun)', cell: (r) => seconds(r.result.readFilesMs) },
  { label: '  build index (rerun)', cell: (r) => seconds(r.result.buildIndexMs) },
  {
    label: 'RSS after load (after gc)',
    cell: (r) => mib(r.result.rssBytes),
    judge: { value: (r) => r.result.rssBytes, limit: 1024 * MiB, text: '<= 1 GiB' },
  },
  { label: '  heap used after load', cell: (r) => mib(r.result.heapUsedBytes) },
  { label: '  peak RSS during load', cell: (r) => mib(r.result.peakRssBytes) },
  {
    label: 'filtered first page p50 / p99',
    cell: latency('filtered'),
    judge: { value: p50('filtered'), limit: 5, text: 'p50 <= 5 ms' },
  },
  { label: '  same without owner (scan) p50 / p99', cell: latency('unselective') },
  {
    label: 'dependents(depth: 3), hub p50 / p99',
    cell: latency('dependentsHub'),
    judge: { value: p50('dependentsHub'), limit: 20, text: 'p50 <= 20 ms' },
  },
  {
    label: 'dependents(depth: 3), typical p50 / p99',
    cell: latency('dependentsTypical'),
    judge: { value: p50('dependentsTypical'), limit: 20, text: 'p50 <= 20 ms' },
  },
  { label: '  dependentPaths(depth: 3), hub', cell: latency('dependentPathsHub') },
  { label: '  dependentPaths(depth: 3), typical', cell: latency('dependentPathsTypical') },
  { label: '_entities, 500 refs p50 / p99', cell: latency('entities500') },
];

export function printScaleTable(runs: ScaleRun[]): void {
  const judged = runs.find((r) => r.size === 100_000) ?? runs.reduce((a, b) => (b.size > a.size ? b : a));
  const labelWidth = Math.max(...LINES.map((l) => l.label.length)) + 2;
  const cells = LINES.map((line) => runs.map((run) => line.cell(run)));
  const widths = runs.map((_r, i) => Math.max(20, ...cells.map((c) => (c[i] ?? '').length)) + 2);
  const header = `${'metric'.padEnd(labelWidth)}${runs.map((r, i) => `${sizeLabel(r.size)} entities`.padStart(widths[i] ?? 0)).join('')}  ${`target (${sizeLabel(judged.size)})`.padEnd(16)}mark`;

  console.log('\nCatalog at scale: synthetic organisation as YAML files, catalog subgraph started as main.ts does, operations over HTTP on 127.0.0.1, 1 client');
  console.log('load = createCatalogSubgraph() with CATALOG_PATHS=<root Location> and the default config (CATALOG_WATCH on) until listening;');
  console.log('(rerun) = readCatalogFiles() and createCatalogIndex() timed again in the same process after the server closed; memory read after gc.');
  console.log(header);
  LINES.forEach((line, l) => {
    const figures = runs.map((_r, i) => (cells[l]?.[i] ?? '').padStart(widths[i] ?? 0)).join('');
    let mark = '';
    if (line.judge) {
      const value = line.judge.value(judged);
      mark = `  ${line.judge.text.padEnd(16)}${value === undefined ? '-' : value <= line.judge.limit ? 'PASS' : 'FAIL'}`;
    }
    console.log(`${line.label.padEnd(labelWidth)}${figures}${mark}`);
  });

  console.log('\nWhat each size measured');
  for (const run of runs) {
    const { probes, result } = run;
    const requests = Object.entries(result.rows)
      .map(([key, r]) => `${key}: ${'requests' in r ? `${r.requests} requests${r.note ? `, ${r.note}` : ''}` : r.missing}`)
      .join('\n  ');
    console.log(
      `${sizeLabel(run.size)}: ${Object.entries(run.counts).map(([k, n]) => `${thousands(n)} ${k}`).join(', ')}; ${thousands(run.specRefs)} spec refs; generated+written in ${seconds(run.generateMs)}`,
    );
    console.log(`  owner filter: ${probes.team.name} (${probes.team.productionComponents} production components)`);
    console.log(`  hub: ${probes.hub.ref} (${thousands(probes.hub.direct)} at depth 1, ${thousands(probes.hub.withinDepth3)} within 3 levels)`);
    console.log(`  typical: ${probes.typical.ref} (${probes.typical.direct} at depth 1, ${probes.typical.withinDepth3} within 3 levels)`);
    console.log(`  ${requests}`);
  }
}
