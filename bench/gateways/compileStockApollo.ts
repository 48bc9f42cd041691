import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/build/entryPoints';

export interface CompiledScript {
  file: string;
  /** NODE_PATH for the process: the file lives outside the repo, its packages inside. */
  nodePath: string;
  remove(): void;
}

/**
 * stockApolloGateway.ts as one CommonJS file in a temporary directory, with the same esbuild
 * target `npm run build` uses and its packages left to `require` (found through NODE_PATH), so
 * stock Apollo runs compiled JavaScript exactly as devgraph's gateway does.
 */
export async function compileStockApollo(): Promise<CompiledScript> {
  const { build } = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devgraph-bench-apollo-'));
  const file = path.join(dir, 'stockApolloGateway.js');
  await build({
    entryPoints: [path.join(__dirname, 'stockApolloGateway.ts')],
    outfile: file,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return { file, nodePath: path.join(REPO_ROOT, 'node_modules'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
