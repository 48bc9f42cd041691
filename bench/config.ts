/**
 * Benchmark knobs, read once: `BENCH_ITERATIONS` sets the sample size of every measured row;
 * `BENCH_CATALOG_SIZES` the catalog sizes of the scale benchmark (entities, comma-separated);
 * `BENCH_CPU_PROF_DIR`, when set, makes the scale benchmark's child processes write CPU profiles there;
 * `BENCH_STARTUP_ROUNDS` how many times the start-up benchmark starts the stack per mode (default 5);
 * the side-by-side gateway benchmark's `BENCH_GATEWAY_SECONDS` (load per cell, default 5),
 * `BENCH_GATEWAY_ROUNDS` (interleaved rounds, default 2) and `BENCH_UPSTREAM_LATENCY_MS` (what
 * every simulator adds to each answer, default 60).
 */
export interface BenchConfig {
  iterations: number;
  catalogSizes: number[];
  cpuProfileDir?: string;
  startupRounds: number;
  gatewaySeconds: number;
  gatewayRounds: number;
  upstreamLatencyMs: number;
}

function wholeNumber(env: Record<string, string | undefined>, key: string, fallback: number, min: number): number {
  const value = Number(env[key] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${key}="${env[key]}" must be a whole number >= ${min}.`);
  return value;
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
  return {
    iterations,
    catalogSizes,
    startupRounds,
    gatewaySeconds: wholeNumber(env, 'BENCH_GATEWAY_SECONDS', 5, 1),
    gatewayRounds: wholeNumber(env, 'BENCH_GATEWAY_ROUNDS', 2, 1),
    upstreamLatencyMs: wholeNumber(env, 'BENCH_UPSTREAM_LATENCY_MS', 60, 0),
    ...(cpuProfileDir && { cpuProfileDir }),
  };
}

/** The environment benchmark child processes start from (PATH, NODE_OPTIONS, ...): read here, with the rest of the config. */
export const inheritedEnv = (): Record<string, string | undefined> => ({ ...process.env });
