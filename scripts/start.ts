/**
 * `npm start`: every devgraph process with the demo organisation, logs prefixed by service.
 * Each service is its own process, as in production, running the JavaScript compiled into
 * dist/ (rebuilt first when a source changed: esbuild takes well under a second). A process
 * that crashes is restarted with backoff; Ctrl-C stops them all.
 */
import { buildAll } from './build/buildAll';
import { isBuildFresh } from './build/buildManifest';
import { compiledEntry } from './build/entryPoints';
import { childEnv, launchPlan, REPO_ROOT, type ServiceSpec } from './launch/config';
import { createSupervisor } from './launch/createSupervisor';
import { formatLogLine } from './launch/formatLogLine';
import { DEFAULT_RESTART_POLICY } from './launch/restartPolicy';
import { waitUntilReady } from './launch/waitUntilReady';

const READY_TIMEOUT_MS = 120_000;

async function main() {
  const plan = launchPlan();
  const log = (service: string, line: string) => console.log(formatLogLine(service, line));
  const supervisor = createSupervisor({
    cwd: REPO_ROOT,
    command: (spec: ServiceSpec) => ({
      file: process.execPath,
      args: plan.runTypeScript ? ['--import', 'tsx', spec.entry] : [compiledEntry(spec.entry)],
    }),
    env: (spec) => childEnv(spec),
    log,
    restartPolicy: DEFAULT_RESTART_POLICY,
    onStopped: (exitCode) => process.exit(exitCode),
  });
  process.on('SIGINT', () => supervisor.stopAll(0));
  process.on('SIGTERM', () => supervisor.stopAll(0));

  if (plan.runTypeScript) {
    log('devgraph', `launcher (pid ${process.pid}): DEVGRAPH_RUN_TS=1, running TypeScript through tsx`);
  } else if (isBuildFresh()) {
    log('devgraph', `launcher (pid ${process.pid}): dist/ is up to date`);
  } else {
    try {
      const { durationMs } = await buildAll();
      log('devgraph', `launcher (pid ${process.pid}): compiled dist/ in ${(durationMs / 1000).toFixed(2)} s`);
    } catch (error) {
      // esbuild has printed each error with its file and line above.
      console.error(`devgraph could not be compiled: ${(error as Error).message.split('\n')[0]}`);
      process.exit(1);
    }
  }
  if (supervisor.stopping) return;
  for (const spec of plan.services) supervisor.start(spec);

  const gateway = plan.services.find((s) => s.name === 'gateway')!;
  if (await waitUntilReady(gateway.readyUrl!, { timeoutMs: READY_TIMEOUT_MS, intervalMs: 100, cancelled: () => supervisor.stopping })) {
    console.log(`\n  Sources:\n${plan.sources.map((line) => `    ${line}`).join('\n')}`);
    const url = gateway.readyUrl!.replace('/readyz', '/graphql').replace('127.0.0.1', 'localhost');
    console.log(`\n  devgraph is ready.\n  GraphiQL: ${url}\n  Try: curl -s ${url} -H 'content-type: application/json' -d '{"query":"{ entities(first: 5) { totalCount nodes { ref title } } }"}'\n  Ctrl-C stops everything.\n`);
  } else if (!supervisor.stopping) {
    console.error(`devgraph did not become ready within ${READY_TIMEOUT_MS / 1000} s; see the logs above.`);
  }
}

void main();
