import { buildGithubQuery, chunkUnits, groupUnits } from './buildGithubQuery';
import type { GithubKey } from './githubKeys';

const repo = (name: string, part: GithubKey & { type: 'repo' } extends { part: infer P } ? P : never = { kind: 'info' }): GithubKey => ({ type: 'repo', owner: 'fernhollow', name, part });

describe('buildGithubQuery', () => {
  it('groups the parts of one repository under one alias, case-insensitively', () => {
    const units = groupUnits([repo('Checkout'), repo('checkout', { kind: 'commits', first: 5 }), repo('cart')]);
    expect(units.map((u) => [u.id, u.keys.length])).toEqual([['repo:fernhollow/checkout', 2], ['repo:fernhollow/cart', 1]]);
    const plan = buildGithubQuery(units);
    expect(plan.query).toMatch(/r0: repository\(owner: \$r0_owner, name: \$r0_name\) \{[^\n]*commits_5: defaultBranchRef/);
    expect(plan.variables).toEqual({ r0_owner: 'fernhollow', r0_name: 'Checkout', r1_owner: 'fernhollow', r1_name: 'cart' });
  });

  it('never splices names into the query text', () => {
    const plan = buildGithubQuery(groupUnits([repo('evil") { x } #')]));
    expect(plan.query).not.toContain('evil');
  });

  it('asks for no records on a page of 0 (GitHub takes first 1..100): the count of pull requests, nothing of commits', () => {
    const plan = buildGithubQuery(groupUnits([repo('cart', { kind: 'pullRequests', states: ['OPEN'], first: 0 }), repo('cart', { kind: 'commits', first: 0 })]));
    expect(plan.query).toContain('prs_OPEN_0: pullRequests(states: [OPEN]) { totalCount }');
    expect(plan.query).not.toMatch(/first: 0|history|commits_0/);
  });

  it('chunks large batches by unit count and by node budget', () => {
    const many = groupUnits(Array.from({ length: 120 }, (_, i) => repo(`r${i}`)));
    expect(chunkUnits(many, { maxUnitsPerQuery: 50, maxNodesPerQuery: 50_000 }).map((c) => c.length)).toEqual([50, 50, 20]);
    const heavy = groupUnits(Array.from({ length: 10 }, (_, i) => repo(`r${i}`, { kind: 'commits', first: 100 })));
    // 10 repositories of 100 commit nodes each under a 300-node budget: three per query.
    expect(chunkUnits(heavy, { maxUnitsPerQuery: 50, maxNodesPerQuery: 300 }).map((c) => c.length)).toEqual([3, 3, 3, 1]);
  });
});
