import { loadDemoOrganisation } from '@devgraph/simulator-kit';
import { parseCodeowners } from '../src/model/parseCodeowners';
import { createGithubSeed } from './createGithubSeed';

describe('createGithubSeed (the demo organisation on GitHub)', () => {
  const reference = new Date('2025-06-01T00:00:00Z');
  let seed: ReturnType<typeof createGithubSeed>;
  beforeAll(async () => {
    seed = createGithubSeed(await loadDemoOrganisation(), reference);
  });

  it('is deterministic for a reference date', async () => {
    const again = createGithubSeed(await loadDemoOrganisation(), reference);
    expect(JSON.stringify([...again.repositories])).toBe(JSON.stringify([...seed.repositories]));
  });

  it('has one repository per distinct project slug, with every PR state and review decision', () => {
    expect(seed.repositories.size).toBe(14);
    for (const repo of seed.repositories.values()) {
      expect(new Set(repo.pullRequests.map((p) => p.reviewDecision))).toEqual(new Set(['APPROVED', 'CHANGES_REQUESTED', 'REVIEW_REQUIRED', null]));
      expect(repo.pullRequests.some((p) => p.isDraft)).toBe(true);
      expect(new Set(repo.pullRequests.map((p) => p.state))).toEqual(new Set(['OPEN', 'MERGED', 'CLOSED']));
      expect(repo.releases.some((r) => r.isPrerelease)).toBe(true);
    }
  });

  it('puts CODEOWNERS in every GitHub location, leaves one repository without, and lets some disagree with the catalog', () => {
    const locations = [...seed.repositories.values()].map((r) => Object.keys(r.files).find((f) => f.endsWith('CODEOWNERS')) ?? 'none');
    expect(new Set(locations)).toEqual(new Set(['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', 'none']));
    const orders = seed.repositories.get('fernhollow/orders')!;
    const file = Object.entries(orders.files).find(([path]) => path.endsWith('CODEOWNERS'))!;
    const parsed = parseCodeowners(file[1], file[0]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules[0]).toMatchObject({ pattern: '*', owners: ['@fernhollow/platform-infra'] }); // the catalog says checkout-orders
  });

  it('asks a teammate with a GitHub login to review every open, ready pull request still needing one', () => {
    const requested = new Set<string>();
    for (const repo of seed.repositories.values()) {
      for (const pr of repo.pullRequests) {
        const needsReview = pr.state === 'OPEN' && !pr.isDraft && (pr.reviewDecision === 'REVIEW_REQUIRED' || pr.reviewDecision === 'CHANGES_REQUESTED');
        if (!needsReview) expect(pr.reviewRequestLogins).toEqual([]);
        for (const login of pr.reviewRequestLogins) {
          expect(login).not.toBe(pr.authorLogin);
          expect(seed.users.has(login.toLowerCase())).toBe(true);
          requested.add(login);
        }
      }
    }
    expect([...requested]).toEqual(expect.arrayContaining(['gmwangi', 'therrera', 'jlindqvist', 'amaraokafor']));
  });

  it('has teams nested like the catalog and users from github.com/user-login', () => {
    expect(seed.teams.get('fernhollow/checkout-orders')).toMatchObject({ parent: 'fernhollow/buyer-engineering' });
    expect(seed.users.get('gmwangi')).toMatchObject({ name: 'Grace Mwangi', email: 'grace.mwangi@fernhollow.com' });
  });
});
