import path from 'node:path';
import type { SeedRepository } from '../simulator/seedTypes';
import { startScmStack, type ScmStack } from './startScmStack';

const FIXTURE = path.join(__dirname, 'fixtures/absent-parts.yaml');

/** Every optional part of a repository, selected the way a dashboard would. */
const REPOSITORY = `
  query($ref: ID!) {
    entity(ref: $ref) {
      ref
      ... on Component {
        repository {
          nameWithOwner description defaultBranch pushedAt
          commits(first: 3) { oid }
          pullRequests(first: 5) { totalCount }
          languages { name }
          releases(first: 3) { tagName }
          latestRelease { tagName }
          codeowners { path rules { pattern owners } }
          ownersOf(path: "src/app.py")
          pullRequestStats { mergedCount openCount }
        }
      }
    }
  }`;

/** The demo organisation's repositories (see createGithubSeed.ts). */
const DEMO_REPOSITORIES = [
  'storefront', 'storefront-bff', 'search', 'recs-lab', 'cart', 'checkout', 'orders', 'payments', 'payouts',
  'seller-portal', 'listings', 'inventory', 'seller-insights', 'loom',
];

type Repository = Record<string, unknown> & { nameWithOwner: string };
type Result = { entity: { ref: string; repository: Repository | null } };

/** A repository created and never pushed to: no branch, files, commits, releases or languages. */
const sandbox = (template: SeedRepository): SeedRepository => ({
  ...template, name: 'sandbox', description: null, commits: [], pullRequests: [], releases: [], languages: [], files: {},
});
/** A repository with code and CODEOWNERS that has never been released. */
const prototype = (template: SeedRepository): SeedRepository => ({ ...template, name: 'prototype', releases: [] });

describe('a repository part GitHub does not have is empty, never NOT_FOUND of the repository', () => {
  let stack: ScmStack;
  beforeAll(async () => {
    stack = await startScmStack({
      allowAnyRepository: true,
      catalogPaths: [FIXTURE],
      simulator: {
        editSeed: (seed) => {
          const template = seed.repositories.get('fernhollow/cart')!;
          seed.repositories.set('fernhollow/sandbox', sandbox(template));
          seed.repositories.set('fernhollow/prototype', prototype(template));
        },
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetRequests());

  const repositoryOf = (name: string) => stack.query<Result>(REPOSITORY, { ref: `component:default/${name}` });

  it('a repository without CODEOWNERS has codeowners null and ownersOf [], no error, the rest present', async () => {
    const result = await repositoryOf('seller-insights');
    expect(result.errors).toBeUndefined();
    const repository = result.data!.entity.repository!;
    expect(repository).toMatchObject({ nameWithOwner: 'fernhollow/seller-insights', defaultBranch: 'main', codeowners: null, ownersOf: [] });
    expect(repository.commits).toHaveLength(3);
    expect(repository.latestRelease).not.toBeNull();
  });

  it('answers the same from the cache, without calling GitHub again', async () => {
    const first = await repositoryOf('seller-insights');
    const calls = stack.githubCalls();
    const again = await repositoryOf('seller-insights');
    expect(stack.githubCalls()).toBe(calls);
    expect(again).toEqual(first);
    // A later operation selecting only ownersOf reads the cached "no CODEOWNERS" the same way.
    const ownersOnly = await stack.query<{ repository: { ownersOf: string[] } }>(`{ repository(owner: "fernhollow", name: "seller-insights") { ownersOf(path: "README.md") } }`);
    expect(ownersOnly).toMatchObject({ data: { repository: { ownersOf: [] } } });
    expect(ownersOnly.errors).toBeUndefined();
  });

  it("finds CODEOWNERS in each of GitHub's three locations, so null means none in any of them", async () => {
    const aliases = DEMO_REPOSITORIES.map((name, i) => `r${i}: repository(owner: "fernhollow", name: "${name}") { codeowners { path } }`);
    const result = await stack.query<Record<string, { codeowners: { path: string } | null }>>(`{ ${aliases.join(' ')} }`);
    expect(result.errors).toBeUndefined();
    const paths = DEMO_REPOSITORIES.map((_, i) => result.data![`r${i}`]!.codeowners?.path ?? null);
    expect(new Set(paths)).toEqual(new Set(['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', null]));
    expect(paths.filter((p) => p === null)).toHaveLength(1); // seller-insights only
    // payments keeps a stale root file too: GitHub reads `.github/` first.
    expect(paths[DEMO_REPOSITORIES.indexOf('payments')]).toBe('.github/CODEOWNERS');
  });

  it('an empty repository has no default branch and empty parts, with no error', async () => {
    const result = await repositoryOf('sandbox');
    expect(result.errors).toBeUndefined();
    expect(result.data!.entity.repository).toEqual({
      nameWithOwner: 'fernhollow/sandbox', description: null, defaultBranch: null, pushedAt: null,
      commits: [], pullRequests: { totalCount: 0 }, languages: [], releases: [], latestRelease: null,
      codeowners: null, ownersOf: [], pullRequestStats: { mergedCount: 0, openCount: 0 },
    });
  });

  it('a repository never released has latestRelease null and no releases, with no error', async () => {
    const result = await repositoryOf('prototype');
    expect(result.errors).toBeUndefined();
    expect(result.data!.entity.repository).toMatchObject({ nameWithOwner: 'fernhollow/prototype', releases: [], latestRelease: null });
    expect(result.data!.entity.repository!.codeowners).not.toBeNull();
  });

  it('a repository that does not exist is NOT_FOUND on its repository field only', async () => {
    const result = await stack.query<{ present: Result['entity']; ghost: Result['entity'] }>(
      `query { present: entity(ref: "component:default/seller-insights") { ...Repo } ghost: entity(ref: "component:default/ghost") { ...Repo } }
       fragment Repo on Component { ref repository { nameWithOwner codeowners { path } ownersOf(path: "src/app.py") latestRelease { tagName } } }`,
    );
    expect(stack.githubCalls()).toBe(1);
    expect(result.data!.present.repository).toMatchObject({ nameWithOwner: 'fernhollow/seller-insights', codeowners: null, ownersOf: [] });
    expect(result.data!.ghost).toEqual({ ref: 'component:default/ghost', repository: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['ghost', 'repository'], extensions: { code: 'NOT_FOUND', upstream: 'github' } });
    expect(result.errors![0]!.message).toContain('fernhollow/does-not-exist');
  });
});
