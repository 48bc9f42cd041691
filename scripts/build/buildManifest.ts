import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR, ENTRY_POINTS, REPO_ROOT } from './entryPoints';

/** What the last successful build read, so `npm start` can tell without esbuild whether dist/ is current. */
export interface BuildManifest {
  /** When the build started (ms since epoch): a source edited after this is newer than its output. */
  startedAt: number;
  /** Every file the build depends on, relative to the repo root. */
  inputs: string[];
}

/** Files that change the output without being bundled: the build itself and package resolution. */
export function buildConfigFiles(): string[] {
  const workspaces = ['packages', 'subgraphs'].flatMap((dir) =>
    fs.readdirSync(path.join(REPO_ROOT, dir)).map((name) => `${dir}/${name}/package.json`),
  );
  const buildScripts = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `scripts/build/${f}`);
  return ['package.json', 'tsconfig.json', 'gateway/package.json', ...workspaces, ...buildScripts];
}

export function manifestPath(outdir = DIST_DIR): string {
  return path.join(outdir, 'build-manifest.json');
}

export function writeManifest(manifest: BuildManifest, outdir = DIST_DIR): void {
  const file = manifestPath(outdir);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(manifest, null, 1)}\n`);
  fs.renameSync(temporary, file);
}

/**
 * True when dist/ holds every entry point and no input changed since the build that wrote it.
 * Costs one stat per source file (a few milliseconds), against ~0.5 s to load and run esbuild.
 * An input that disappeared counts as a change; a new file only matters once an existing one
 * imports it, and that edit is seen.
 */
export function isBuildFresh(outdir = DIST_DIR): boolean {
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath(outdir), 'utf8')) as BuildManifest;
  } catch {
    return false;
  }
  if (!ENTRY_POINTS.every((e) => fs.existsSync(path.join(outdir, `${e.name}.js`)))) return false;
  return manifest.inputs.every((input) => {
    try {
      return fs.statSync(path.join(REPO_ROOT, input)).mtimeMs < manifest.startedAt;
    } catch {
      return false;
    }
  });
}
