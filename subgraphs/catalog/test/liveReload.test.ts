import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eventually, startCatalogStack, type CatalogStack } from './startCatalogStack';

const component = (name: string, description: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: ${description}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;
const GROUP = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
`;
const LOCATION = `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: services
spec:
  targets: ['./services/*.yaml']
`;

interface Described {
  entity: { description: string | null } | null;
}

describe('live reload of file sources, through the gateway', () => {
  let dir: string;
  let stack: CatalogStack;
  const file = (...parts: string[]) => path.join(dir, ...parts);
  const descriptionOf = async (ref: string) => (await stack.query<Described>(`{ entity(ref: "${ref}") { description } }`)).data?.entity?.description;
  const waitForDescription = (ref: string, expected: string) =>
    eventually(async () => ((await descriptionOf(ref)) === expected ? true : undefined));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'devgraph-reload-'));
    await writeFile(file('catalog-info.yaml'), `${GROUP}---\n${LOCATION}`);
    await mkdir(file('services'));
    await writeFile(file('services', 'payments.yaml'), component('payments', 'v1'));
    await writeFile(file('services', 'cart.yaml'), component('cart', 'v1'));
    stack = await startCatalogStack({ catalogPaths: [file('catalog-info.yaml')], watch: { debounceMs: 30 } });
  });
  afterAll(async () => {
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies an edit to a file reached through a Location without a restart', async () => {
    expect(await descriptionOf('component:default/payments')).toBe('v1');
    await writeFile(file('services', 'payments.yaml'), component('payments', 'v2'));
    await waitForDescription('component:default/payments', 'v2');
  });

  it('sees a file replaced atomically by rename, as editors save', async () => {
    await writeFile(file('services', '.cart.yaml.tmp'), component('cart', 'renamed-in'));
    await rename(file('services', '.cart.yaml.tmp'), file('services', 'cart.yaml'));
    await waitForDescription('component:default/cart', 'renamed-in');
  });

  it('picks up a new file matching a Location glob', async () => {
    await writeFile(file('services', 'search.yaml'), component('search', 'new'));
    await waitForDescription('component:default/search', 'new');
  });

  it('keeps the last good entities of a file that breaks, reports it, and still applies valid edits elsewhere', async () => {
    await writeFile(file('services', 'payments.yaml'), `${component('payments', 'v3')}  broken: [unclosed\n`);
    await writeFile(file('services', 'cart.yaml'), component('cart', 'edited-while-payments-is-broken'));
    await waitForDescription('component:default/cart', 'edited-while-payments-is-broken');

    const result = await stack.query<{ entity: { description: string }; catalogProblems: { kind: string; location: string; message: string }[]; catalogStatus: { stale: boolean; sources: { lastError: string | null }[] } }>(`{
      entity(ref: "component:default/payments") { description }
      catalogProblems { kind location message }
      catalogStatus { stale sources { lastError } }
    }`);
    expect(result.data?.entity.description).toBe('v2');
    const problem = result.data?.catalogProblems.find((p) => p.location === file('services', 'payments.yaml'));
    expect(problem).toMatchObject({ kind: 'INVALID_YAML', message: expect.stringContaining('still served') });
    expect(result.data?.catalogStatus.stale).toBe(true);
    expect(result.data?.catalogStatus.sources[0]?.lastError).toContain('last valid version');

    await writeFile(file('services', 'payments.yaml'), component('payments', 'v4'));
    await waitForDescription('component:default/payments', 'v4');
    const after = await stack.query<{ catalogProblems: unknown[]; catalogStatus: { stale: boolean; problems: number } }>('{ catalogProblems { kind } catalogStatus { stale problems } }');
    expect(after.data).toEqual({ catalogProblems: [], catalogStatus: { stale: false, problems: 0 } });
  });

  it('keeps an entity that became invalid at its last valid version, by ref', async () => {
    await writeFile(file('services', 'cart.yaml'), component('cart', 'no-owner').replace('  owner: team-a\n', ''));
    const problems = await eventually(async () => {
      const r = await stack.query<{ catalogProblems: { kind: string; entityRef: string | null; message: string }[] }>('{ catalogProblems { kind entityRef message } }');
      return r.data?.catalogProblems.length ? r.data.catalogProblems : undefined;
    });
    expect(problems).toEqual([expect.objectContaining({ kind: 'INVALID_ENTITY', entityRef: 'component:default/cart', message: expect.stringContaining('its last valid version is still served') })]);
    expect(await descriptionOf('component:default/cart')).toBe('edited-while-payments-is-broken');
  });

  it('drops the entities of a deleted file', async () => {
    await rm(file('services', 'search.yaml'));
    await eventually(async () => ((await stack.query<Described>('{ entity(ref: "component:default/search") { description } }')).data?.entity === null ? true : undefined));
  });
});
