/**
 * One size of the scale benchmark, run in a fresh process (`runCatalogScale` forks it with
 * --expose-gc) so its memory figures are its own: start the catalog subgraph the way main.ts does
 * on the written catalog, weigh it, time the operations over HTTP on 127.0.0.1, then time the
 * load again phase by phase. Sends one `ScaleResult` to the parent and exits.
 */
import { createLogger } from '@devgraph/runtime';
import { createCatalogIndex, readCatalogFiles } from '@devgraph/catalog-model';
import { readCatalogConfig } from '../../subgraphs/catalog/src/config';
import { createCatalogSubgraph } from '../../subgraphs/catalog/src/createCatalogSubgraph';
import { measure, type Sample } from '../measure';
import { entitiesBatch, filteredPage, postOperation, unselectivePage, type BenchOperation } from './catalogQueries';
import { transitiveDependents } from './transitiveDependents';
import type { CatalogProbes } from './generateSyntheticCatalog';

export interface ScaleJob {
  dir: string;
  rootFile: string;
  probes: CatalogProbes;
  /** Upper bound of timed requests per row (BENCH_ITERATIONS). */
  iterations: number;
  /** Rows stop at fewer requests when they would take longer than this. */
  rowBudgetMs: number;
}

/** A timed row: its sample, or why there is none. */
export type RowResult = { sample: Sample; requests: number; note?: string } | { missing: string };

export interface ScaleResult {
  entities: number;
  problems: number;
  loadMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  peakRssBytes: number;
  /** Second load, phase by phase, after the server is gone (JIT warm, files in the page cache). */
  readFilesMs: number;
  buildIndexMs: number;
  rows: Record<string, RowResult>;
}

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

async function timeRow(url: string, operation: BenchOperation, job: ScaleJob): Promise<RowResult> {
  let note: string | undefined;
  try {
    note = operation.check(await postOperation(url, operation)) ?? undefined;
  } catch (error) {
    return { missing: `error: ${(error as Error).message.slice(0, 200)}` };
  }
  const run = () => postOperation(url, operation);
  // Size the sample so a slow row (a big blast radius at 100k) stays within its time budget.
  const probe: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    probe.push(elapsedMs(t0));
  }
  const typical = probe.sort((a, b) => a - b)[2] as number;
  const requests = Math.max(30, Math.min(job.iterations, Math.floor(job.rowBudgetMs / Math.max(typical, 0.01))));
  const sample = await measure(run, { iterations: requests, concurrency: 1, warmup: Math.min(50, Math.ceil(requests / 4)) });
  return { sample, requests, ...(note !== undefined && { note }) };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Start, weigh and query the subgraph; it is closed and unreachable once this returns. */
async function serveAndMeasure(job: ScaleJob): Promise<Omit<ScaleResult, 'readFilesMs' | 'buildIndexMs'>> {
  // Exactly main.ts's path: the config reader (defaults included, e.g. CATALOG_WATCH) and the
  // subgraph. Silent: a failing row reports its first error itself, once, not once per request.
  const config = readCatalogConfig({ CATALOG_PATHS: job.rootFile, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, job.dir);
  const logger = createLogger({ service: 'catalog', level: config.logLevel });

  const started = process.hrtime.bigint();
  const subgraph = await createCatalogSubgraph(config, logger);
  const loadMs = elapsedMs(started);
  gc();
  gc();
  const { rss: rssBytes, heapUsed: heapUsedBytes } = process.memoryUsage();
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;

  try {
    const status = await postOperation(subgraph.url, { query: '{ entities(first: 0) { totalCount } catalogProblems { message } }' });
    const data = status.data as { entities: { totalCount: number }; catalogProblems: { message: string }[] };
    if (data.catalogProblems.length > 0) console.error(`catalog problems, first: ${data.catalogProblems[0]?.message}`);

    const rows: Record<string, RowResult> = {};
    rows.filtered = await timeRow(subgraph.url, filteredPage(job.probes), job);
    rows.unselective = await timeRow(subgraph.url, unselectivePage(), job);
    rows.entities500 = await timeRow(subgraph.url, entitiesBatch(job.probes.componentRefs), job);
    for (const traversal of ['dependents', 'dependentPaths'] as const) {
      for (const [which, probe] of [['Hub', job.probes.hub], ['Typical', job.probes.typical]] as const) {
        const operation = await transitiveDependents(subgraph.url, traversal, probe);
        rows[`${traversal}${which}`] = 'missing' in operation ? operation : await timeRow(subgraph.url, operation, job);
      }
    }
    return { entities: data.entities.totalCount, problems: data.catalogProblems.length, loadMs, rssBytes, heapUsedBytes, peakRssBytes, rows };
  } finally {
    await subgraph.close();
  }
}

async function main(job: ScaleJob): Promise<ScaleResult> {
  const served = await serveAndMeasure(job);
  // The load again, phase by phase, as the file source runs it, on an emptied heap.
  gc();
  let t0 = process.hrtime.bigint();
  const read = await readCatalogFiles({ paths: [job.rootFile], cwd: job.dir });
  const readFilesMs = elapsedMs(t0);
  t0 = process.hrtime.bigint();
  createCatalogIndex(read.entities, read.problems);
  const buildIndexMs = elapsedMs(t0);
  return { ...served, readFilesMs, buildIndexMs };
}

process.once('message', (job: ScaleJob) => {
  main(job).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
