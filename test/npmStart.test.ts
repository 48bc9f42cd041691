import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { postGraphQL } from './support/startStack';
import { freePorts } from './support/freePort';

const ROOT = path.resolve(__dirname, '..');

interface ScriptResult {
  onCall: { user: { email: string } }[];
  incidents: { totalCount: number; nodes: { status: string }[] };
  experiments: { results: { metrics: unknown[] } }[];
}


// What a new user does: `npm start`, wait for the banner, curl the gateway, Ctrl-C.
describe('npm start', () => {
  it('starts every service with simulators, answers the README and script queries through the gateway, and stops on Ctrl-C', async () => {
    const ports = await freePorts(8);
    const [port, catalogPort, scm, incidents, experiments, githubSim, pagerdutySim, growthbookSim] = ports.map(String);
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: port,
        CATALOG_PORT: catalogPort,
        SCM_PORT: scm,
        INCIDENTS_PORT: incidents,
        EXPERIMENTS_PORT: experiments,
        GITHUB_SIMULATOR_PORT: githubSim,
        PAGERDUTY_SIMULATOR_PORT: pagerdutySim,
        GROWTHBOOK_SIMULATOR_PORT: growthbookSim,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('GraphiQL: http') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(output).toContain(`GraphiQL: http://localhost:${port}/graphql`);
      expect(output).toMatch(/\[catalog\] +INFO +catalog loaded/);

      const result = await postGraphQL<{ entity: { owner: { members: { email: string }[] }; system: { domain: { name: string } } } }>(
        `http://127.0.0.1:${port}/graphql`,
        '{ entity(ref: "component:default/checkout") { ... on Component { owner { ... on Group { members { email } } } system { domain { name } } } } }',
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.entity.system.domain.name).toBe('shopping');
      expect(result.data?.entity.owner.members.length).toBeGreaterThan(0);
      for (const member of result.data!.entity.owner.members) expect(member.email).toMatch(/@fernhollow\.com$/);

      // The script use case, exactly as shipped in demo/queries: every tool answers through its simulator.
      const script = await postGraphQL<{ entity: ScriptResult }>(
        `http://127.0.0.1:${port}/graphql`,
        fs.readFileSync(path.join(ROOT, 'demo/queries/02-owners-incidents-experiments.graphql'), 'utf8'),
      );
      expect(script.errors).toBeUndefined();
      const checkout = script.data!.entity;
      expect(checkout.onCall.length).toBeGreaterThan(0);
      expect(checkout.incidents.totalCount).toBeGreaterThan(0);
      expect(checkout.incidents.nodes.every((i) => i.status === 'TRIGGERED' || i.status === 'ACKNOWLEDGED')).toBe(true);
      expect(checkout.experiments.length).toBeGreaterThan(0);
      expect(checkout.experiments[0]!.results.metrics.length).toBeGreaterThan(0);
      expect(output).toContain('scm: GitHub simulator with demo data');

      // Every operation GraphiQL preloads runs clean against the demo stack.
      const queries = path.join(ROOT, 'demo/queries');
      for (const file of fs.readdirSync(queries).filter((f) => f.endsWith('.graphql'))) {
        const demo = await postGraphQL(`http://127.0.0.1:${port}/graphql`, fs.readFileSync(path.join(queries, file), 'utf8'));
        expect({ file, errors: demo.errors }).toEqual({ file, errors: undefined });
      }
    } finally {
      // Ctrl-C in a terminal signals the whole foreground process group.
      process.kill(-child.pid!, 'SIGINT');
    }
    // npm re-raises the SIGINT its script received, so "clean" is exit 0 or that signal.
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(output).not.toContain('exited unexpectedly');
    for (const p of ports) await expect(fetch(`http://127.0.0.1:${p}/healthz`)).rejects.toThrow();
  }, 90_000);
});
