import type { RawRepository, RawTeam } from './githubWire';
import { normaliseRepoPart } from './normaliseRepoPart';
import { normaliseTeam } from './normaliseTeam';

const INFO: RawRepository = {
  nameWithOwner: 'Fernhollow/Checkout', name: 'Checkout', owner: { login: 'Fernhollow' }, url: 'https://github.com/Fernhollow/Checkout',
  description: 'Checkout', isArchived: false, isPrivate: true, pushedAt: '2025-03-01T09:30:00Z', defaultBranchRef: { name: 'main' },
};

describe('normaliseRepoPart', () => {
  it('reads the info as GitHub spells it, the default branch flattened', () => {
    expect(normaliseRepoPart(INFO, { kind: 'info' })).toEqual({
      nameWithOwner: 'Fernhollow/Checkout', owner: 'Fernhollow', name: 'Checkout', url: 'https://github.com/Fernhollow/Checkout',
      description: 'Checkout', defaultBranch: 'main', isArchived: false, isPrivate: true, pushedAt: '2025-03-01T09:30:00Z',
    });
  });

  it('flattens commit authors and pull-request authors, a deleted account being null', () => {
    const raw: RawRepository = {
      ...INFO,
      commits_1: { target: { history: { nodes: [{ oid: 'abc', messageHeadline: 'Fix', committedDate: '2025-03-01T09:30:00Z', url: 'u', author: { name: 'Ana', email: 'ana@x', user: null } }] } } },
      prs_OPEN_1: { totalCount: 4, nodes: [{ number: 7, title: 't', url: 'u', state: 'OPEN', author: null, createdAt: 'c', isDraft: false, reviewDecision: null, mergedAt: null, closedAt: null }] },
    };
    expect(normaliseRepoPart(raw, { kind: 'commits', first: 1 })).toEqual([
      { oid: 'abc', headline: 'Fix', author: { name: 'Ana', email: 'ana@x', login: null }, committedAt: '2025-03-01T09:30:00Z', url: 'u' },
    ]);
    expect(normaliseRepoPart(raw, { kind: 'pullRequests', states: ['OPEN'], first: 1 })).toEqual({
      totalCount: 4,
      nodes: [{ number: 7, title: 't', url: 'u', state: 'OPEN', authorLogin: null, createdAt: 'c', isDraft: false, reviewDecision: null, mergedAt: null, closedAt: null }],
    });
  });

  it('reads a page of 0 (never asked of GitHub, or asked for the count only) as empty', () => {
    const raw: RawRepository = { ...INFO, prs_ALL_0: { totalCount: 12 } };
    expect(normaliseRepoPart(raw, { kind: 'pullRequests', states: [], first: 0 })).toEqual({ totalCount: 12, nodes: [] });
    expect(normaliseRepoPart(raw, { kind: 'commits', first: 0 })).toEqual([]);
    expect(normaliseRepoPart(raw, { kind: 'releases', first: 0 })).toEqual([]);
  });

  it('gives each language its share of the bytes, and none for an empty repository', () => {
    const raw: RawRepository = { ...INFO, languages: { totalSize: 300, edges: [{ size: 200, node: { name: 'Go', color: '#00ADD8' } }, { size: 100, node: { name: 'Shell', color: null } }] } };
    expect(normaliseRepoPart(raw, { kind: 'languages' })).toEqual([
      { name: 'Go', color: '#00ADD8', bytes: 200, share: 0.6667 },
      { name: 'Shell', color: null, bytes: 100, share: 0.3333 },
    ]);
    expect(normaliseRepoPart({ ...INFO, languages: null }, { kind: 'languages' })).toEqual([]);
  });

  it("takes CODEOWNERS from GitHub's first location that has one", () => {
    const raw: RawRepository = { ...INFO, codeowners_github: null, codeowners_root: { text: '* @a' }, codeowners_docs: { text: '* @b' } };
    expect(normaliseRepoPart(raw, { kind: 'codeowners' })).toEqual({ path: 'CODEOWNERS', text: '* @a' });
  });
});

describe('normaliseTeam', () => {
  it('keeps only the model fields of the team and its members, the parent as org/team', () => {
    const member = { login: 'gmwangi', name: 'Grace', url: 'g', avatarUrl: null, extra: 'not cached' };
    const raw: RawTeam = {
      slug: 'checkout-orders', combinedSlug: 'fernhollow/checkout-orders', name: 'Checkout & Orders', description: null, url: 'u',
      parentTeam: { combinedSlug: 'fernhollow/buyer-engineering' },
      members: { totalCount: 1, nodes: [member] },
    };
    expect(normaliseTeam(raw)).toEqual({
      combinedSlug: 'fernhollow/checkout-orders', slug: 'checkout-orders', name: 'Checkout & Orders', description: null, url: 'u',
      parentSlug: 'fernhollow/buyer-engineering', membersCount: 1, members: [{ login: 'gmwangi', name: 'Grace', url: 'g', avatarUrl: null }],
    });
  });
});
