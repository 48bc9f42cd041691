import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { buildAll, bundleOptions } from './buildAll';
import { isBuildFresh, manifestPath } from './buildManifest';
import { ENTRY_POINTS, REPO_ROOT } from './entryPoints';

const run = promisify(execFile);

// Built into a directory of its own, so the test never races a running `npm start` over dist/;
// inside the repo, so the compiled programs find node_modules the way dist/ does.
let outdir: string;
beforeAll(async () => {
  fs.mkdirSync(path.join(REPO_ROOT, 'dist'), { recursive: true });
  outdir = fs.mkdtempSync(path.join(REPO_ROOT, 'dist', 'test-build-'));
  await buildAll({ outdir });
}, 60_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The package.json that owns a source file: the nearest one above it. */
function owningManifest(file: string): { file: string; dependencies: Record<string, string> } {
  for (let dir = path.dirname(path.join(REPO_ROOT, file)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) return { file: path.relative(REPO_ROOT, candidate), ...JSON.parse(fs.readFileSync(candidate, 'utf8')) };
  }
}

describe('buildAll', () => {
  it('writes one CommonJS file per entry point, with devgraph code compiled in', () => {
    for (const { name } of ENTRY_POINTS) {
      const code = fs.readFileSync(path.join(outdir, `${name}.js`), 'utf8');
      expect(code).not.toMatch(/require\("@devgraph\//);
      expect(code).not.toMatch(/\brequire\("tsx/);
    }
  });

  it('leaves every installed package to require, each one a production dependency of the workspace importing it (the image installs only those)', async () => {
    const { metafile } = await build({ ...bundleOptions(outdir), write: false, metafile: true });
    const builtins = new Set(builtinModules);
    const missing: string[] = [];
    for (const [file, input] of Object.entries((metafile as Metafile).inputs)) {
      for (const imported of input.imports.filter((i) => i.external)) {
        if (imported.path.startsWith('node:') || builtins.has(imported.path)) continue;
        const owner = owningManifest(file);
        const name = packageNameOf(imported.path);
        if (!owner.dependencies?.[name]) missing.push(`${file} imports ${name}, not in ${owner.file} dependencies`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps paths relative to a source file working: the compiled composer reads the schema files', async () => {
    const supergraph = path.join(outdir, 'supergraph.graphql');
    await run(process.execPath, [path.join(outdir, 'compose.js')], { cwd: os.tmpdir(), env: { ...process.env, SUPERGRAPH_PATH: supergraph } });
    const sdl = fs.readFileSync(supergraph, 'utf8');
    for (const subgraph of ['CATALOG', 'SCM', 'INCIDENTS', 'EXPERIMENTS']) expect(sdl).toContain(`${subgraph} @join__graph`);
  }, 60_000);

  it('rewrites nothing when nothing changed, and records what it read', async () => {
    const second = await buildAll({ outdir });
    expect(second.written).toEqual([]);
    expect(isBuildFresh(outdir)).toBe(true);
  }, 60_000);

  it('calls the output stale when a source is newer than the build, or an output is missing', () => {
    const manifest = JSON.parse(fs.readFileSync(manifestPath(outdir), 'utf8')) as { startedAt: number; inputs: string[] };
    try {
      fs.writeFileSync(manifestPath(outdir), JSON.stringify({ ...manifest, startedAt: 0 }));
      expect(isBuildFresh(outdir)).toBe(false);
      fs.writeFileSync(manifestPath(outdir), JSON.stringify({ ...manifest, inputs: [...manifest.inputs, 'gateway/src/deleted.ts'] }));
      expect(isBuildFresh(outdir)).toBe(false);
      fs.writeFileSync(manifestPath(outdir), JSON.stringify(manifest));
      fs.renameSync(path.join(outdir, 'scm.js'), path.join(outdir, 'scm.js.moved'));
      expect(isBuildFresh(outdir)).toBe(false);
    } finally {
      fs.writeFileSync(manifestPath(outdir), JSON.stringify(manifest));
      if (fs.existsSync(path.join(outdir, 'scm.js.moved'))) fs.renameSync(path.join(outdir, 'scm.js.moved'), path.join(outdir, 'scm.js'));
    }
  });
});
