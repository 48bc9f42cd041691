import fs from 'node:fs';
import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { buildConfigFiles, writeManifest } from './buildManifest';
import { bundleWorkspaceOnly } from './bundleWorkspaceOnly';
import { DIST_DIR, ENTRY_POINTS, REPO_ROOT } from './entryPoints';
import { keepSourceDirname } from './keepSourceDirname';

export interface BuildResult {
  /** Files whose content changed (or appeared), relative to the repo root. */
  written: string[];
  durationMs: number;
}

/** esbuild settings for every entry point; exported so tests can inspect what a bundle imports. */
export function bundleOptions(outdir: string): BuildOptions {
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints: Object.fromEntries(ENTRY_POINTS.map((e) => [e.name, e.source])),
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Linked maps cost nothing at run time; `NODE_OPTIONS=--enable-source-maps` uses them.
    sourcemap: 'linked',
    // Node 22.1+ can cache the bytecode of every module it compiles (most start-up time goes to
    // compiling node_modules); Node 20 has no such API and skips the call. "use strict" first, as
    // a directive only counts at the very top of the file.
    banner: { js: '"use strict";\nrequire("node:module").enableCompileCache?.();' },
    logLevel: 'warning',
    plugins: [bundleWorkspaceOnly(), keepSourceDirname(outdir)],
  };
}

/**
 * Compile every entry point to one CommonJS file in `dist/` (Node 20 target, workspace code
 * bundled, installed packages external).
 *
 * Several `npm start`s may build at once (tests, a benchmark next to a developer's stack), so a
 * file is only replaced when its content changed, and then by an atomic rename: a process
 * starting meanwhile reads either the old file or the new one, never half of one.
 */
export async function buildAll(options: { outdir?: string } = {}): Promise<BuildResult> {
  const started = process.hrtime.bigint();
  const startedAt = Date.now();
  const outdir = options.outdir ?? DIST_DIR;
  // Loaded here, not at the top: `npm start` imports this module but rarely needs to build.
  const { build } = await import('esbuild');
  const result = await build({ ...bundleOptions(outdir), write: false, metafile: true });
  fs.mkdirSync(outdir, { recursive: true });
  const written: string[] = [];
  for (const file of result.outputFiles) {
    if (sameContent(file.path, file.contents)) continue;
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
    written.push(path.relative(REPO_ROOT, file.path));
  }
  // Last, and only after every output is in place: the manifest is what says dist/ is current.
  writeManifest({ startedAt, inputs: [...Object.keys(result.metafile.inputs), ...buildConfigFiles()].sort() }, outdir);
  return { written, durationMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

function sameContent(file: string, contents: Uint8Array): boolean {
  try {
    return Buffer.from(contents).equals(fs.readFileSync(file));
  } catch {
    return false;
  }
}
