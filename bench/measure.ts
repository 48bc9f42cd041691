/** Latency sampling shared by the benchmarks: warm up, then time N runs at a given concurrency. */
export interface Sample {
  p50: number;
  p99: number;
  mean: number;
  perSecond: number;
}

export async function measure(run: () => Promise<unknown>, options: { iterations: number; concurrency: number; warmup?: number }): Promise<Sample> {
  for (let i = 0; i < (options.warmup ?? 50); i++) await run();
  const durations: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next++ < options.iterations) {
      const t0 = process.hrtime.bigint();
      await run();
      durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: durations.reduce((a, b) => a + b, 0) / durations.length, perSecond: (durations.length / elapsedMs) * 1000 };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/** Print rows of figures side by side; `baseline` names the row each ratio is taken against. */
export function printTable(title: string, rows: { label: string; sample: Sample; baseline?: string }[]): void {
  console.log(`\n${title}`);
  console.log(`${'case'.padEnd(44)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'req/s'.padStart(8)} ${'p50 ratio'.padStart(10)}`);
  for (const { label, sample, baseline } of rows) {
    const base = rows.find((r) => r.label === baseline)?.sample ?? sample;
    console.log(
      `${label.padEnd(44)} ${ms(sample.p50).padStart(10)} ${ms(sample.p99).padStart(10)} ${sample.perSecond.toFixed(0).padStart(8)} ${`x${(sample.p50 / base.p50).toFixed(2)}`.padStart(10)}`,
    );
  }
}
