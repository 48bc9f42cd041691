import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

// devgraph promises Node 20.19+ in `engines`; a dependency that needs a newer Node breaks that
// promise silently (npm only warns). Every package the lockfile installs, dev tools included,
// must accept the oldest Node devgraph supports. A failure here is fixed with an `overrides`
// pin in the root package.json (see README, "Node versions"), not by widening `engines`.
const ROOT = path.resolve(__dirname, '..');
const OLDEST_SUPPORTED_NODE = '20.19.0';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };

/** Packages whose declared engines.node range leaves out `node` (packages without one accept any). */
function packagesExcluding(node: string, packages: Record<string, LockedPackage>): string[] {
  return Object.entries(packages)
    .filter(([, pkg]) => {
      const range = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
      return range !== undefined && !semver.satisfies(node, range, { includePrerelease: true });
    })
    .map(([location, pkg]) => `${location.replace(/^.*node_modules\//, '') || '(root)'}@${pkg.version ?? '?'} needs node ${(pkg.engines as { node: string }).node} (${location})`);
}

describe('Node version support', () => {
  it(`the engines field still includes Node ${OLDEST_SUPPORTED_NODE}`, () => {
    expect(semver.satisfies(OLDEST_SUPPORTED_NODE, rootPackage.engines.node)).toBe(true);
  });

  it(`every package in package-lock.json runs on Node ${OLDEST_SUPPORTED_NODE}`, () => {
    expect(packagesExcluding(OLDEST_SUPPORTED_NODE, lock.packages)).toEqual([]);
  });

  it('reports a package whose engines leave the supported Node out', () => {
    const packages = { 'node_modules/a/node_modules/content-type': { version: '3.1.1', engines: { node: '>=22' } }, 'node_modules/b': { version: '1.0.0', engines: { node: '>=18' } } };
    expect(packagesExcluding(OLDEST_SUPPORTED_NODE, packages)).toEqual(['content-type@3.1.1 needs node >=22 (node_modules/a/node_modules/content-type)']);
  });
});
