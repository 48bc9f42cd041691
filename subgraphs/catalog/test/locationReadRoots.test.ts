import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startCatalogStack, type CatalogStack } from './startCatalogStack';

/** A line no response and no log may ever show: it stands for /etc/shadow, a .env, a key file. */
const SECRET = 'db_password=planted-secret-7f3a9c';
const SECRET_FILE = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: stolen}\nspec: {type: service, owner: x, lifecycle: y}\n# ${SECRET}\n`;

const location = (name: string, target: string) => `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: ${name}
spec:
  target: ${JSON.stringify(target)}
`;

interface Answer {
  catalogProblems: { kind: string; location: string | null; line: number | null; message: string }[];
  entities: { nodes: { ref: string }[] };
}

const QUERY = '{ catalogProblems { kind location line message } entities(first: 100) { nodes { ref } } }';

describe('Location targets are read only inside the allowed roots, through the gateway', () => {
  let base: string;
  let stacks: CatalogStack[] = [];
  const at = (...parts: string[]) => path.join(base, ...parts);

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'devgraph-roots-'));
    await mkdir(at('repo', 'catalog'), { recursive: true });
    await mkdir(at('outside'));
    await mkdir(at('shared'));
    await writeFile(at('outside', 'secret.yaml'), SECRET_FILE);
    await writeFile(at('shared', 'shared.yaml'), SECRET_FILE.replace('stolen', 'shared').replace(SECRET, 'nothing secret'));
    // A link inside the root that leads out of it.
    await symlink(at('outside', 'secret.yaml'), at('repo', 'catalog', 'innocent.yaml'));
  });
  afterEach(async () => {
    await Promise.all(stacks.map((s) => s.close()));
    stacks = [];
  });
  afterAll(async () => rm(base, { recursive: true, force: true }));

  async function serve(rootText: string, extra: { allowedRoots?: string[] } = {}) {
    await writeFile(at('repo', 'catalog', 'catalog-info.yaml'), rootText);
    const stack = await startCatalogStack({ catalogPaths: [at('repo', 'catalog', 'catalog-info.yaml')], ...extra });
    stacks.push(stack);
    const answer = await stack.query<Answer>(QUERY);
    const text = JSON.stringify(answer);
    return { answer: answer.data!, text, logs: stack.logLines.join('\n') };
  }

  it.each([
    ['an absolute path', () => at('outside', 'secret.yaml')],
    ['a ../ escape', () => '../../outside/secret.yaml'],
    ['a glob reaching out', () => '../../outside/*.yaml'],
    ['a symlink inside the root pointing out', () => './innocent.yaml'],
  ])('refuses %s, reads nothing and quotes nothing', async (_case, target) => {
    const { answer, text, logs } = await serve(location('root', target()));
    expect(answer.entities.nodes.map((n) => n.ref)).toEqual(['location:default/root']);
    expect(answer.catalogProblems).toEqual([
      expect.objectContaining({ kind: 'UNREADABLE_SOURCE', line: 6, message: expect.stringContaining('outside the directories the catalog may read') }),
    ]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('stolen');
    expect(logs).not.toContain(SECRET);
  });

  it('refuses /etc/passwd without saying whether it exists', async () => {
    const { answer, text } = await serve(`${location('passwd', '/etc/passwd')}---\n${location('missing', '/etc/no-such-file')}`);
    const messages = answer.catalogProblems.map((p) => p.message.replace(/"[^"]*"/g, '""').replace(/Location ""/, ''));
    expect(messages[0]).toBe(messages[1]);
    expect(text).not.toMatch(/root:x:0/);
  });

  it('follows a target inside CATALOG_ALLOWED_ROOTS', async () => {
    const { answer } = await serve(location('root', '../../shared/shared.yaml'), { allowedRoots: [at('shared')] });
    expect(answer.catalogProblems.map((p) => p.kind)).toEqual(['DANGLING_REFERENCE']); // its owner, not the read
    expect(answer.entities.nodes.map((n) => n.ref).sort()).toEqual(['component:default/shared', 'location:default/root']);
  });

  it('reports a broken file by position only, never by its text', async () => {
    await writeFile(at('repo', 'catalog', 'broken.yaml'), `${SECRET}\n  nested: [unclosed\n`);
    await writeFile(at('repo', 'catalog', 'text.yaml'), `${SECRET}\n`);
    const { answer, text, logs } = await serve(`${location('broken', './broken.yaml')}---\n${location('text', './text.yaml')}`);
    expect(answer.catalogProblems.map((p) => [p.kind, path.basename(p.location ?? ''), p.line])).toEqual([
      ['INVALID_YAML', 'broken.yaml', 1],
      ['INVALID_ENTITY', 'text.yaml', 1],
    ]);
    expect(text).not.toContain('planted-secret');
    expect(logs).not.toContain('planted-secret');
  });
});
