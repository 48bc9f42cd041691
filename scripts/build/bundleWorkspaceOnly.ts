import type { Plugin } from 'esbuild';

/**
 * Bundle devgraph's own code, leave every installed package to `require` at run time.
 *
 * Workspace packages (`@devgraph/*`) point `main` at TypeScript sources, which Node cannot load,
 * so they must be compiled in. Third-party packages stay external: they are plain JavaScript
 * already, some read files next to themselves, and the image installs them with `npm ci`.
 */
export function bundleWorkspaceOnly(): Plugin {
  return {
    name: 'devgraph-bundle-workspace-only',
    setup(build) {
      // A bare specifier (not ./, ../ or absolute) names a package or a Node built-in.
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        args.kind === 'entry-point' || args.path.startsWith('@devgraph/') ? undefined : { path: args.path, external: true },
      );
    },
  };
}
