/**
 * Benchmark knobs, read once: `BENCH_ITERATIONS` sets the sample size of every measured row;
 * `BENCH_CATALOG_SIZES` the catalog sizes of the scale benchmark (entities, comma-separated);
 * `BENCH_CPU_PROF_DIR`, when set, makes the scale benchmark's child processes write CPU profiles there;
 * `BENCH_STARTUP_ROUNDS` how many times the start-up benchmark starts the stack per mode (default 5).
 */
export interface BenchConfig {
  iterations: number;
  catalogSizes: number[];
  cpuProfileDir?: string;
  startupRounds: number;
}

export function readBenchConfig(env: Record<string, string | undefined> = process.env): BenchConfig {
  const iterations = Number(env.BENCH_ITERATIONS ?? 400);
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`BENCH_ITERATIONS="${env.BENCH_ITERATIONS}" must be a positive whole number.`);
  const catalogSizes = (env.BENCH_CATALOG_SIZES ?? '10000,100000').split(',').map((s) => Number(s.trim()));
  if (catalogSizes.some((n) => !Number.isInteger(n) || n < 200)) {
    throw new Error(`BENCH_CATALOG_SIZES="${env.BENCH_CATALOG_SIZES}" must be whole numbers >= 200, comma-separated, e.g. 10000,100000.`);
  }
  const cpuProfileDir = env.BENCH_CPU_PROF_DIR?.trim() || undefined;
  const startupRounds = Number(env.BENCH_STARTUP_ROUNDS ?? 5);
  if (!Number.isInteger(startupRounds) || startupRounds < 1) throw new Error(`BENCH_STARTUP_ROUNDS="${env.BENCH_STARTUP_ROUNDS}" must be a positive whole number.`);
  return { iterations, catalogSizes, startupRounds, ...(cpuProfileDir && { cpuProfileDir }) };
}
