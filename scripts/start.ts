/**
 * `npm start`: every devgraph process with the demo organisation, logs prefixed by service,
 * Ctrl-C stops them all. Each service is its own process, as in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { childEnv, launchPlan, REPO_ROOT, type ServiceSpec } from './launch/config';
import { formatLogLine } from './launch/formatLogLine';

const children = new Map<string, ChildProcess>();
let stopping = false;

function launch(spec: ServiceSpec): void {
  const child = spawn(process.execPath, ['--import', 'tsx', spec.entry], {
    cwd: REPO_ROOT,
    env: childEnv(spec),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(spec.name, child);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream! }).on('line', (line) => console.log(formatLogLine(spec.name, line)));
  }
  child.on('exit', (code, signal) => {
    children.delete(spec.name);
    // Ctrl-C reaches the whole process group: a child that stopped cleanly was told to.
    const told = code === 0 || signal === 'SIGINT' || signal === 'SIGTERM';
    if (!stopping && told) {
      stopAll(0);
    } else if (!stopping) {
      console.error(formatLogLine(spec.name, `exited unexpectedly (${signal ?? `code ${code}`}); stopping devgraph`));
      stopAll(1);
    }
    if (stopping && children.size === 0) process.exit(process.exitCode ?? 0);
  });
}

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children.values()) child.kill('SIGTERM');
  // A process that ignores SIGTERM must not keep the terminal hostage.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 5000).unref();
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main() {
  const { services, sources } = launchPlan();
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  for (const spec of services) launch(spec);
  const gateway = services.find((s) => s.name === 'gateway')!;
  if (await waitUntilReady(gateway.readyUrl!, 120_000)) {
    console.log(`\n  Sources:\n${sources.map((line) => `    ${line}`).join('\n')}`);
    const url = gateway.readyUrl!.replace('/readyz', '/graphql').replace('127.0.0.1', 'localhost');
    console.log(`\n  devgraph is ready.\n  GraphiQL: ${url}\n  Try: curl -s ${url} -H 'content-type: application/json' -d '{"query":"{ entities(first: 5) { totalCount nodes { ref title } } }"}'\n  Ctrl-C stops everything.\n`);
  } else if (!stopping) {
    console.error('devgraph did not become ready within 120 s; see the logs above.');
  }
}

void main();
