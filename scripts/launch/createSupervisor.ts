import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { createRestartPolicy, type RestartPolicy, type RestartPolicyOptions } from './restartPolicy';
import type { ServiceSpec } from './config';
import { waitUntilReady } from './waitUntilReady';

export interface SupervisorOptions {
  cwd: string;
  /** The program and arguments that run a service (compiled JavaScript, or TypeScript through tsx). */
  command: (spec: ServiceSpec) => { file: string; args: string[] };
  env: (spec: ServiceSpec) => Record<string, string | undefined>;
  /** One line of output, attributed to a service (or to the launcher itself). */
  log: (service: string, line: string) => void;
  restartPolicy: RestartPolicyOptions;
  /** Called once every process has exited after `stopAll`, with the exit code to use. */
  onStopped: (exitCode: number) => void;
}

export interface Supervisor {
  start(spec: ServiceSpec): ChildProcess;
  /** Stop everything (SIGTERM, then SIGKILL after 5 s) and cancel pending restarts. */
  stopAll(exitCode: number): void;
  readonly stopping: boolean;
}

/** How long a process that ignores SIGTERM may keep the terminal (and its port) hostage. */
const KILL_AFTER_MS = 5000;
/** How long a restarted service gets to answer its readiness check before the launcher stops watching. */
const READY_AGAIN_TIMEOUT_MS = 120_000;

/**
 * Runs devgraph's processes the way an orchestrator would: a process that dies unexpectedly is
 * restarted with backoff (the gateway answers with partial data meanwhile), a service that keeps
 * crashing is given up on while the rest keep serving, and Ctrl-C stops everything.
 */
export function createSupervisor(options: SupervisorOptions): Supervisor {
  const children = new Map<string, ChildProcess>();
  const pendingRestarts = new Map<string, NodeJS.Timeout>();
  const policies = new Map<string, RestartPolicy>();
  let stopping = false;
  let exitCode = 0;

  const finishIfIdle = () => {
    if (children.size === 0 && pendingRestarts.size === 0) options.onStopped(exitCode);
  };

  function start(spec: ServiceSpec, restarted = false): ChildProcess {
    const { file, args } = options.command(spec);
    const child = spawn(file, args, { cwd: options.cwd, env: options.env(spec), stdio: ['ignore', 'pipe', 'pipe'] });
    children.set(spec.name, child);
    options.log(spec.name, `started (pid ${child.pid})`);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on('line', (line) => options.log(spec.name, line));
    }
    child.on('error', (error) => {
      options.log(spec.name, `could not be started: ${error.message}`);
      // A process that never started emits no 'exit': count it as a crash all the same.
      if (child.pid === undefined) onExit(spec, child, null, null);
    });
    child.on('exit', (code, signal) => onExit(spec, child, code, signal));
    if (restarted && spec.readyUrl) {
      const current = () => children.get(spec.name) === child;
      void waitUntilReady(spec.readyUrl, { timeoutMs: READY_AGAIN_TIMEOUT_MS, cancelled: () => stopping || !current() }).then((ready) => {
        if (ready) options.log(spec.name, 'ready again');
      });
    }
    return child;
  }

  function onExit(spec: ServiceSpec, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (children.get(spec.name) === child) children.delete(spec.name);
    if (stopping) return finishIfIdle();
    // Ctrl-C signals the whole process group; a child may notice before the launcher does.
    if (signal === 'SIGINT') return stopAll(0);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const policy = policies.get(spec.name) ?? createRestartPolicy(options.restartPolicy);
    policies.set(spec.name, policy);
    const decision = policy.onCrash();
    const within = `within ${options.restartPolicy.windowMs / 1000} s`;
    if (!decision.restart) {
      options.log(spec.name, `exited unexpectedly (${how}); crashed ${decision.crashesInWindow} times ${within}, not restarting it. The other services keep running; Ctrl-C stops them.`);
      if (children.size === 0 && pendingRestarts.size === 0) {
        options.log('devgraph', 'every service has stopped; exiting.');
        stopAll(1);
      }
      return;
    }
    options.log(
      spec.name,
      `exited unexpectedly (${how}); restarting in ${decision.delayMs / 1000} s (crash ${decision.crashesInWindow} ${within}; stops retrying at ${options.restartPolicy.maxCrashes})`,
    );
    pendingRestarts.set(
      spec.name,
      setTimeout(() => {
        pendingRestarts.delete(spec.name);
        if (!stopping) start(spec, true);
      }, decision.delayMs),
    );
  }

  function stopAll(code: number): void {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of pendingRestarts.values()) clearTimeout(timer);
    pendingRestarts.clear();
    for (const child of children.values()) child.kill('SIGTERM');
    setTimeout(() => {
      for (const child of children.values()) child.kill('SIGKILL');
    }, KILL_AFTER_MS).unref();
    finishIfIdle();
  }

  return {
    start: (spec) => start(spec),
    stopAll,
    get stopping() {
      return stopping;
    },
  };
}
