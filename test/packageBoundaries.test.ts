/**
 * Every workspace package is used through its entry point (`main`/`types` in its package.json),
 * never by reaching into another package's `src/`: what a package exports is its contract, and
 * moving a file inside it must not break its neighbours.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git']);
/** `@devgraph/<package>/src/...` inside quotes: an import, require or jest.mock of a package's insides. */
const INTO_SRC = /['"](@devgraph\/[^'"/]+\/src\/[^'"]*)['"]/g;

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('package boundaries', () => {
  it('no file imports another package through its src/ folder', () => {
    const offenders = typeScriptFiles(REPO).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(INTO_SRC)].map((match) => `${path.relative(REPO, file)}: ${match[1]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds the files it checks', () => {
    // Guards the walk itself: an empty list would make the check above pass vacuously.
    expect(typeScriptFiles(REPO).length).toBeGreaterThan(100);
  });
});
