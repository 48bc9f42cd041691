import fs from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Keep `__dirname` meaning "the folder of this source file" after bundling.
 *
 * Code reads files next to its source (`../schema.graphql`, `../../demo/queries`); in a bundle
 * every module shares the bundle's `__dirname`, so those paths would point into `dist/`. Each
 * use is rewritten to the source folder, expressed relative to the bundle, so `dist/` stays
 * relocatable together with the repo tree (the Docker image keeps that layout). Sources stay
 * untouched: tests and `tsx` keep using the real `__dirname`.
 */
export function keepSourceDirname(outdir: string): Plugin {
  return {
    name: 'devgraph-keep-source-dirname',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.split(path.sep).includes('node_modules')) return undefined;
        const source = await fs.readFile(args.path, 'utf8');
        if (!/\b__dirname\b/.test(source)) return undefined;
        const fromBundle = path.relative(outdir, path.dirname(args.path)).split(path.sep).join('/');
        // Appended, not prepended, so line numbers in stack traces still match the source; a
        // function declaration is hoisted, so top-level uses before it are fine.
        const contents = `${source.replace(/\b__dirname\b/g, '__sourceDirname()')}
import { join as __joinSourcePath } from 'node:path';
function __sourceDirname(): string { return __joinSourcePath(__dirname, ${JSON.stringify(fromBundle)}); }
`;
        return { contents, loader: 'ts' };
      });
    },
  };
}
