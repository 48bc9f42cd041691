import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPHS, schemaPathOf, mainPathOf } from '@devgraph/registry';

const ROOT = path.resolve(__dirname, '..');

// The registry is the one list of subgraphs; everything that names them must agree with it.
describe('the subgraph registry', () => {
  it('lists exactly the folders under subgraphs/', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'subgraphs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(SUBGRAPHS.map((s) => s.dir).sort()).toEqual(folders.map((f) => `subgraphs/${f}`).sort());
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('%s: schema, entry point and package are where it says', (_name, entry) => {
    expect(fs.existsSync(path.join(ROOT, schemaPathOf(entry)))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, mainPathOf(entry)))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, entry.dir, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe(entry.packageName);
    if (entry.tool) expect(fs.existsSync(path.join(ROOT, entry.dir, 'simulator/main.ts'))).toBe(true);
  });

  it('generates types for every registered subgraph from its schema plus the shared vocabulary', () => {
    const codegen = parse(fs.readFileSync(path.join(ROOT, 'codegen.yml'), 'utf8')) as { generates: Record<string, { schema: string[] }> };
    const expected = Object.fromEntries(
      SUBGRAPHS.map((s) => [`${s.dir}/src/generated/types.ts`, [schemaPathOf(s), 'packages/runtime/src/graphql/vocabularySdl.ts']]),
    );
    const actual = Object.fromEntries(Object.entries(codegen.generates).map(([out, target]) => [out, target.schema]));
    expect(actual).toEqual(expected);
  });

  it('gives every subgraph and simulator its own default port', () => {
    const ports = SUBGRAPHS.flatMap((s) => [s.port, ...(s.tool ? [s.tool.simulator.port] : [])]);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
