/** Benchmark knobs, read once: `BENCH_ITERATIONS` sets the sample size of every measured row. */
export function readBenchConfig(env: Record<string, string | undefined> = process.env): { iterations: number } {
  const iterations = Number(env.BENCH_ITERATIONS ?? 400);
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`BENCH_ITERATIONS="${env.BENCH_ITERATIONS}" must be a positive whole number.`);
  return { iterations };
}
