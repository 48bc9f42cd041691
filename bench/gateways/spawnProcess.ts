import { spawn } from 'node:child_process';

/** Lines of a child's output kept for an error message; older ones are dropped. */
const KEPT_LINES = 60;
/** A process that ignores SIGTERM this long is killed: the benchmark must not leave servers behind. */
const KILL_AFTER_MS = 5_000;

export interface RunningProcess {
  name: string;
  pid: number;
  /** The last lines it printed, stdout and stderr interleaved. */
  output(): string;
  /** Set once the process has ended. */
  exitedWith(): string | undefined;
  /** SIGTERM, then SIGKILL if it lingers; resolves when it is gone. */
  stop(): Promise<void>;
}

/**
 * One server of the benchmark as its own process, exactly as production starts it (`node <file>`).
 * Its output is drained (a full pipe would stall it) and only the tail kept, for failures.
 */
export function spawnProcess(name: string, args: string[], options: { env: Record<string, string>; cwd: string }): RunningProcess {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (data: Buffer) => {
    lines.push(...String(data).split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    }),
  );
  if (child.pid === undefined) throw new Error(`could not start ${name} (node ${args.join(' ')})`);
  return {
    name,
    pid: child.pid,
    output: () => lines.join('\n'),
    exitedWith: () => exit,
    async stop() {
      if (exit) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Poll `ready` until it says yes; fail with the process's output if it dies or takes too long. */
export async function waitForProcess(proc: RunningProcess, ready: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready().catch(() => false)) return;
    const exit = proc.exitedWith();
    if (exit) throw new Error(`${proc.name} ended (${exit}) before it was ready:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`${proc.name} was not ready within ${timeoutMs / 1000} s:\n${proc.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
