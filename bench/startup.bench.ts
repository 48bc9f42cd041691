/**
 * Start-up (issue 9, item 5): from spawning `npm start` to the first query the gateway answers
 * with data, for the compiled JavaScript `npm start` runs and for the old way (every process
 * compiling its TypeScript through tsx at start, `DEVGRAPH_RUN_TS=1`). Rounds alternate between
 * the two so a busy spell on the machine hits both; dist/ is built once beforehand, so the
 * compiled rows measure a start with dist/ up to date (a rebuild adds ~0.5 s). Target: <= 5 s
 * p50 for the compiled stack. Wall time depends on what else the machine is doing, so the load
 * average is printed and so is the CPU time all the stack's processes used until that first
 * answer (Linux), which hardly does.
 */
import os from 'node:os';
import { buildAll } from '../scripts/build/buildAll';
import { postGraphQL } from '../test/support/postGraphQL';
import { spawnNpmStart } from '../test/support/spawnNpmStart';
import { readBenchConfig } from './config';
import { processTreeCpuSeconds } from './processTreeCpuSeconds';

const TARGET_MS = 5000;
/** A start that takes this long is broken, not slow: stop and show its output. */
const GIVE_UP_MS = 120_000;
const FIRST_QUERY = '{ entities(first: 1) { totalCount } }';

interface Mode {
  label: string;
  env: Record<string, string>;
  judged: boolean;
}

const MODES: Mode[] = [
  { label: 'compiled JavaScript (npm start)', env: {}, judged: true },
  { label: 'TypeScript through tsx (DEVGRAPH_RUN_TS=1)', env: { DEVGRAPH_RUN_TS: '1' }, judged: false },
];

interface StartSample {
  wallMs: number;
  /** CPU seconds of npm, the launcher and every service until the first answer; NaN off Linux. */
  cpuSeconds: number;
}

/** From spawning `npm start` to the first answered query; the stack is stopped after. */
async function startOnce(mode: Mode): Promise<StartSample> {
  const started = process.hrtime.bigint();
  const stack = await spawnNpmStart(mode.env);
  try {
    for (;;) {
      if (stack.child.exitCode !== null) throw new Error(`npm start exited early:\n${stack.output()}`);
      if (Number(process.hrtime.bigint() - started) / 1e6 > GIVE_UP_MS) throw new Error(`no answer within ${GIVE_UP_MS / 1000} s:\n${stack.output()}`);
      const answer = await postGraphQL<{ entities: { totalCount: number } }>(stack.gatewayUrl, FIRST_QUERY).catch(() => undefined);
      if (answer?.data?.entities) {
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        return { wallMs, cpuSeconds: processTreeCpuSeconds(stack.child.pid!)?.total ?? Number.NaN };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    stack.interrupt();
    await stack.exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;

async function main() {
  const { startupRounds } = readBenchConfig();
  const build = await buildAll();
  const load = os.loadavg()[0]!.toFixed(2);
  console.log(`dist/ built in ${seconds(build.durationMs)}; ${os.cpus().length} CPUs, load average ${load} at start`);
  const samples = new Map<Mode, StartSample[]>(MODES.map((m) => [m, []]));
  for (let round = 1; round <= startupRounds; round++) {
    for (const mode of MODES) {
      const sample = await startOnce(mode);
      samples.get(mode)!.push(sample);
      console.log(`round ${round}/${startupRounds}  ${mode.label.padEnd(44)} ${seconds(sample.wallMs)}  (${sample.cpuSeconds.toFixed(2)} CPU s)`);
    }
  }

  console.log(`\nStart-up: \`npm start\` to the first answered query (${startupRounds} rounds per row, load average ${load} -> ${os.loadavg()[0]!.toFixed(2)})`);
  console.log(`${'case'.padEnd(44)} ${'p50'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'CPU p50'.padStart(9)}  target   mark`);
  for (const mode of MODES) {
    const wall = samples.get(mode)!.map((s) => s.wallMs);
    const p50 = median(wall);
    const cpu = median(samples.get(mode)!.map((s) => s.cpuSeconds));
    const mark = mode.judged ? `<= ${TARGET_MS / 1000} s   ${p50 <= TARGET_MS ? 'PASS' : 'FAIL'}` : '';
    console.log(
      `${mode.label.padEnd(44)} ${seconds(p50).padStart(8)} ${seconds(Math.min(...wall)).padStart(8)} ${seconds(Math.max(...wall)).padStart(8)} ${`${cpu.toFixed(2)} s`.padStart(9)}  ${mark}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
