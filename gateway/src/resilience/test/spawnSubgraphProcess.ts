import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../../../test/support/freePort';

const ROOT = path.resolve(__dirname, '../../../..');

export interface SubgraphProcess {
  child: ChildProcess;
  url: string;
  /** The process state letter from /proc (`T` while stopped by SIGSTOP). */
  state(): string;
  stop(): Promise<void>;
}

/**
 * A subgraph in its own process, started the way `npm start` does (its main.ts through tsx), so a
 * test can freeze it with SIGSTOP: only a real process stops answering while still accepting
 * connections. Resolves once its /readyz answers 200.
 */
export async function spawnSubgraphProcess(mainPath: string, env: Record<string, string>): Promise<SubgraphProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
    cwd: ROOT,
    env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${mainPath} exited (${code}): ${stderr}`))));
  exited.catch(() => undefined);
  // Waiting on a condition (the subgraph answers), not on a duration.
  for (;;) {
    const ready = await Promise.race([
      fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false),
      exited,
    ]);
    if (ready) break;
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 100)), exited]);
  }
  return {
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    state: () => readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').charAt(0),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await gone;
    },
  };
}
