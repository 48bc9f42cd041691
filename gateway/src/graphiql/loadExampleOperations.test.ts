import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadExampleOperations } from './loadExampleOperations';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'graphiql-examples-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('reads every .graphql file sorted by name, titled by its leading comment or its name', async () => {
  await writeFile(path.join(dir, '02-incidents.graphql'), '\n#  Open incidents  \nquery Incidents { a }\n');
  await writeFile(path.join(dir, '01-catalog.graphql'), 'query Catalog { b }\n# not a title\n');
  await writeFile(path.join(dir, '10-last.graphql'), '#\n{ c }\n');
  await writeFile(path.join(dir, 'notes.md'), '# not an operation');
  await mkdir(path.join(dir, 'nested.graphql'));

  const operations = await loadExampleOperations(dir);

  expect(operations).toEqual([
    { title: '01-catalog', query: 'query Catalog { b }\n# not a title\n' },
    { title: 'Open incidents', query: '\n#  Open incidents  \nquery Incidents { a }\n' },
    { title: '10-last', query: '#\n{ c }\n' },
  ]);
});

it('strips a byte order mark and skips blank files', async () => {
  await writeFile(path.join(dir, 'a.graphql'), '\uFEFF# With BOM\r\n{ a }\r\n');
  await writeFile(path.join(dir, 'b.graphql'), '  \n');

  expect(await loadExampleOperations(dir)).toEqual([{ title: 'With BOM', query: '# With BOM\r\n{ a }\r\n' }]);
});

it('gives no operations for a missing or empty directory', async () => {
  expect(await loadExampleOperations(path.join(dir, 'missing'))).toEqual([]);
  expect(await loadExampleOperations(dir)).toEqual([]);
});

it('gives no operations when the path is a file', async () => {
  const file = path.join(dir, 'file.graphql');
  await writeFile(file, '{ a }');
  expect(await loadExampleOperations(file)).toEqual([]);
});
