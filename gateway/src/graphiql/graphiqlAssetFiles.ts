import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One static file the GraphiQL page needs, resolved from the installed packages. */
export interface GraphiqlAsset {
  /** Path below the assets prefix, e.g. `react@18.3.1/react.production.min.js`. */
  readonly urlPath: string;
  /** Absolute path of the file on disk. */
  readonly filePath: string;
  readonly contentType: string;
}

/** The four files the page loads, by role, so the page can order its script tags. */
export interface GraphiqlAssets {
  readonly react: GraphiqlAsset;
  readonly reactDom: GraphiqlAsset;
  readonly graphiql: GraphiqlAsset;
  readonly graphiqlCss: GraphiqlAsset;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Resolves the UMD builds GraphiQL needs from `node_modules`.
 *
 * Each package is located through its `package.json` (the one subpath all three export) so
 * hoisting by npm workspaces does not matter. The version is part of the URL because the files
 * are served as immutable: an upgrade must change the URL or browsers keep the old file.
 */
export function graphiqlAssetFiles(): GraphiqlAssets {
  return {
    react: asset('react', 'umd/react.production.min.js', JS),
    reactDom: asset('react-dom', 'umd/react-dom.production.min.js', JS),
    graphiql: asset('graphiql', 'graphiql.min.js', JS),
    graphiqlCss: asset('graphiql', 'graphiql.min.css', CSS),
  };
}

function asset(packageName: string, fileInPackage: string, contentType: string): GraphiqlAsset {
  const packageJsonPath = require.resolve(`${packageName}/package.json`);
  const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string };
  return {
    urlPath: `${packageName}@${version}/${path.posix.basename(fileInPackage)}`,
    filePath: path.join(path.dirname(packageJsonPath), fileInPackage),
    contentType,
  };
}
