import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '../../../test/support/startStack';

/** A headless Chromium: `CHROMIUM_PATH`, else the first of the usual names on PATH (apt's `chromium`). */
function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return explicit;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of dirs) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

const chromium = findChromium();
if (!chromium) console.warn('GraphiQL-in-a-browser test SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');
const describeWithChromium = chromium ? describe : describe.skip;

/** Loads the page, lets it run until idle (virtual time, not a sleep) and returns the DOM and the console. */
function dumpDom(url: string): Promise<{ dom: string; console: string }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'devgraph-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', '--virtual-time-budget=15000', '--dump-dom', url];
  return new Promise((resolve, reject) => {
    execFile(chromium!, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (error) reject(error);
      else resolve({ dom: stdout, console: stderr });
    });
  });
}

describeWithChromium('GraphiQL in headless Chromium, under its Content-Security-Policy', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('renders the editor with the Examples and Token panels, and the browser reports no policy violation', async () => {
    const { dom, console: log } = await dumpDom(stack.gateway.url);
    expect(log).not.toMatch(/Content Security Policy/i);
    expect(dom).toContain('graphiql-container');
    expect(dom).toContain('aria-label="Show Examples"');
    expect(dom).toContain('aria-label="Show Token"');
    expect(dom).not.toContain('Loading GraphiQL…');
  }, 150_000);
});
