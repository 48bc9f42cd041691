/**
 * One size of the scale benchmark end to end: generate the synthetic catalog, write it to a
 * temporary directory, measure it in a fresh child process (measureCatalogScale.ts, with
 * --expose-gc so memory is read after a full collection), and delete the directory whatever
 * happens.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { generateSyntheticCatalog, type CatalogProbes } from './generateSyntheticCatalog';
import type { ScaleJob, ScaleResult } from './measureCatalogScale';
import { writeSyntheticCatalog, type WrittenCatalog } from './writeSyntheticCatalog';

export interface ScaleRun {
  size: number;
  files: number;
  bytes: number;
  generateMs: number;
  counts: Record<string, number>;
  specRefs: number;
  probes: CatalogProbes;
  result: ScaleResult;
}

export interface RunOptions {
  iterations: number;
  rowBudgetMs: number;
  /** Write the child's CPU profile here (node --cpu-prof). */
  cpuProfileDir?: string;
  /** Told about the directory while it exists, so an interrupted run can still remove it. */
  onWritten?: (written: WrittenCatalog | undefined) => void;
}

export async function runCatalogScale(size: number, options: RunOptions): Promise<ScaleRun> {
  const t0 = process.hrtime.bigint();
  const catalog = generateSyntheticCatalog({ entities: size });
  const written = await writeSyntheticCatalog(catalog);
  const generateMs = Number(process.hrtime.bigint() - t0) / 1e6;
  options.onWritten?.(written);
  try {
    const job: ScaleJob = { dir: written.dir, rootFile: written.rootFile, probes: catalog.probes, iterations: options.iterations, rowBudgetMs: options.rowBudgetMs };
    const result = await measureInChild(job, options.cpuProfileDir);
    return { size, files: written.files, bytes: written.bytes, generateMs, counts: catalog.counts, specRefs: catalog.specRefs, probes: catalog.probes, result };
  } finally {
    await written.remove();
    options.onWritten?.(undefined);
  }
}

function measureInChild(job: ScaleJob, cpuProfileDir: string | undefined): Promise<ScaleResult> {
  const child = fork(path.join(__dirname, 'measureCatalogScale.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: ScaleResult | undefined;
    child.once('message', (message) => (result = message as ScaleResult));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`the measuring process for ${job.rootFile} ended (${signal ?? `exit code ${code}`}) without a result`));
    });
    child.send(job);
  });
}
