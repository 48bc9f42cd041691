/**
 * `npm run build`: compile every devgraph program to `dist/` (see scripts/build/buildAll.ts).
 * `--if-stale` skips the build when dist/ is current (what `npm run start:gateway` uses).
 */
import { buildAll } from './build/buildAll';
import { isBuildFresh } from './build/buildManifest';

async function main() {
  if (process.argv.includes('--if-stale') && isBuildFresh()) return;
  const { written, durationMs } = await buildAll();
  process.stdout.write(`Built dist/ in ${(durationMs / 1000).toFixed(2)} s (${written.length ? `${written.length} files changed` : 'no output changed'}).\n`);
}

main().catch((error: Error) => {
  // esbuild has already printed each error with its file and line.
  process.stderr.write(`Build failed: ${error.message.split('\n')[0]}\n`);
  process.exit(1);
});
