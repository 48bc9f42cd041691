import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePorts } from './freePort';

const ROOT = path.resolve(__dirname, '../..');

export interface NpmStartPorts {
  gateway: number;
  catalog: number;
  scm: number;
  incidents: number;
  experiments: number;
  githubSim: number;
  pagerdutySim: number;
  growthbookSim: number;
}

export interface RunningNpmStart {
  child: ChildProcess;
  ports: NpmStartPorts;
  gatewayUrl: string;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /**
   * Resolves with the first match of `pattern` in the output printed from offset `from` on
   * (default: all of it), as soon as it appears; rejects if `npm start` exits first.
   */
  waitFor(pattern: RegExp, from?: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ctrl-C: SIGINT to the whole process group, as a terminal does. */
  interrupt(): void;
}

/**
 * `npm start` exactly as a user runs it, on free ports, in its own process group so a test can
 * press Ctrl-C the way a terminal does (SIGINT to every process of the group).
 */
export async function spawnNpmStart(env: Record<string, string> = {}): Promise<RunningNpmStart> {
  const [gateway, catalog, scm, incidents, experiments, githubSim, pagerdutySim, growthbookSim] = await freePorts(8);
  const ports: NpmStartPorts = { gateway: gateway!, catalog: catalog!, scm: scm!, incidents: incidents!, experiments: experiments!, githubSim: githubSim!, pagerdutySim: pagerdutySim!, growthbookSim: growthbookSim! };
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(ports.gateway),
      CATALOG_PORT: String(ports.catalog),
      SCM_PORT: String(ports.scm),
      INCIDENTS_PORT: String(ports.incidents),
      EXPERIMENTS_PORT: String(ports.experiments),
      GITHUB_SIMULATOR_PORT: String(ports.githubSim),
      PAGERDUTY_SIMULATOR_PORT: String(ports.pagerdutySim),
      GROWTHBOOK_SIMULATOR_PORT: String(ports.growthbookSim),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (data: Buffer) => {
    output += String(data);
    for (const check of [...waiters]) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let hasExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
      for (const check of [...waiters]) check();
    }),
  );

  function waitFor(pattern: RegExp, from = 0): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(output.slice(from));
        if (match) {
          waiters.delete(check);
          resolve(match);
        } else if (hasExited) {
          waiters.delete(check);
          reject(new Error(`npm start exited before printing ${pattern}. Output:\n${output}`));
        }
      };
      waiters.add(check);
      check();
    });
  }

  return {
    child,
    ports,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    output: () => output,
    waitFor,
    exited,
    interrupt: () => process.kill(-child.pid!, 'SIGINT'),
  };
}
