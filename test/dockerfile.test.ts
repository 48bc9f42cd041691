import fs from 'node:fs';
import path from 'node:path';
import { compiledEntry, ENTRY_POINTS } from '../scripts/build/entryPoints';

// No Docker engine runs here: the Dockerfile is kept honest by reading it.
const ROOT = path.resolve(__dirname, '..');
const lines = fs
  .readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = lines.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : (all.at(-1)!.push(line), all)), []);
const byName = (name: string) => stages.find((stage) => stage[0]!.endsWith(` AS ${name}`))!;
const [manifests, build, final] = [byName('manifests'), byName('build'), stages.at(-1)!];

describe('Dockerfile', () => {
  it('builds in a stage of its own, every stage on the current Node LTS (24)', () => {
    expect(stages).toHaveLength(3);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM node:24-bookworm-slim\b/);
    expect(build).toContain('RUN npm run build');
  });

  it('installs only production dependencies in the image, as a non-root user', () => {
    expect(final.find((l) => l.startsWith('RUN npm ci'))).toMatch(/npm ci --omit=dev/);
    expect(final).toContain('USER node');
    expect(final.join('\n')).not.toMatch(/tsx|esbuild/);
  });

  it('runs the compiled production gateway from the build stage', () => {
    expect(final).toContain('COPY --from=build /app/dist ./dist');
    expect(final.at(-1)).toBe(`CMD ["node", "${compiledEntry('scripts/serveGateway.ts')}"]`);
    expect(ENTRY_POINTS.map((e) => e.source)).toContain('scripts/serveGateway.ts');
  });

  it.each([['build', () => build], ['final', () => final]])('installs from every package manifest, found whatever workspaces exist, in the %s stage', (_name, stage) => {
    // A list of COPY lines per workspace would silently miss the next workspace someone adds.
    expect(manifests).toContain('COPY . .');
    expect(manifests.find((l) => l.startsWith('RUN find'))).toMatch(/! -name package\.json ! -name package-lock\.json -delete/);
    const lines = stage();
    expect(lines.indexOf('COPY --from=manifests /app ./')).toBeGreaterThan(0);
    expect(lines.indexOf('COPY --from=manifests /app ./')).toBeLessThan(lines.findIndex((l) => l.startsWith('RUN npm ci')));
  });

  it('leaves local build output and installs out of the context', () => {
    const ignored = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['dist', 'node_modules', '**/node_modules', '.git']) expect(ignored).toContain(entry);
  });
});
