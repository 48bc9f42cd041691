/**
 * The catalog at scale (issue 6): for each size (BENCH_CATALOG_SIZES, default 10k and 100k
 * entities) a synthetic organisation is written as multi-document YAML files reached from one
 * root Location, the catalog subgraph is started on it in a fresh process exactly as main.ts
 * starts it, and the table reports load time, memory after load, and p50/p99 over HTTP of a
 * filtered first page, a 3-level transitive dependents query and a 500-ref `_entities` batch,
 * beside the targets at 100k. Temporary files are deleted even when a size fails.
 */
import fs from 'node:fs';
import { readBenchConfig } from './config';
import { printScaleTable, sizeLabel } from './catalog/printScaleTable';
import { runCatalogScale, type ScaleRun } from './catalog/runCatalogScale';
import type { WrittenCatalog } from './catalog/writeSyntheticCatalog';

/** Longest a single row may sample for; slow rows (a hub's blast radius) get fewer requests. */
const ROW_BUDGET_MS = 5_000;

async function main() {
  const { iterations, catalogSizes, cpuProfileDir } = readBenchConfig();
  let current: WrittenCatalog | undefined;
  process.once('SIGINT', () => {
    if (current) fs.rmSync(current.dir, { recursive: true, force: true });
    process.exit(130);
  });

  const runs: ScaleRun[] = [];
  for (const size of catalogSizes) {
    const run = await runCatalogScale(size, { iterations, rowBudgetMs: ROW_BUDGET_MS, cpuProfileDir, onWritten: (w) => (current = w) });
    console.log(`${sizeLabel(size)} entities measured: loaded in ${(run.result.loadMs / 1000).toFixed(2)} s`);
    runs.push(run);
  }
  printScaleTable(runs);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
