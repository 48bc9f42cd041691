import { spawn } from 'node:child_process';
import path from 'node:path';
import { postGraphQL } from './support/startStack';
import { freePort } from './support/freePort';

const ROOT = path.resolve(__dirname, '..');


// What a new user does: `npm start`, wait for the banner, curl the gateway, Ctrl-C.
describe('npm start', () => {
  it('starts the stack, answers the README query through the gateway, and stops on Ctrl-C', async () => {
    const [port, catalogPort] = [await freePort(), await freePort()];
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), CATALOG_PORT: String(catalogPort) },
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
    } finally {
      // Ctrl-C in a terminal signals the whole foreground process group.
      process.kill(-child.pid!, 'SIGINT');
    }
    // npm re-raises the SIGINT its script received, so "clean" is exit 0 or that signal.
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(output).not.toContain('exited unexpectedly');
    await expect(fetch(`http://127.0.0.1:${catalogPort}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 90_000);
});
