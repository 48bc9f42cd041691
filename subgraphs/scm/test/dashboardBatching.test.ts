import { startScmStack, type ScmStack } from './startScmStack';

type Repo = Record<string, unknown> & { nameWithOwner: string };
type Components = { entities: { nodes: { ref: string; repository: Repo | null }[] } };

const DASHBOARD = `
  query Dashboard($system: String!) {
    entities(filter: { kind: ["Component"], system: $system }, first: 50) {
      nodes {
        ref
        ... on Component {
          repository {
            nameWithOwner url defaultBranch isArchived pushedAt
            commits(first: 5) { oid headline author { name login } committedAt }
            pullRequests(states: [OPEN], first: 10) { totalCount nodes { number isDraft reviewDecision authorLogin } }
            languages { name share }
            releases(first: 3) { tagName isPrerelease }
            latestRelease { tagName isPrerelease }
            codeowners { path rules { pattern owners } }
            ownersOf(path: "docs/runbook.md")
            pullRequestStats { mergedCount openCount medianHoursToMerge complete }
          }
        }
      }
    }
  }`;

describe('scm through the gateway: one GitHub call per operation', () => {
  let stack: ScmStack;
  beforeAll(async () => {
    stack = await startScmStack({ allowAnyRepository: true });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetRequests());

  it('asks GitHub only for the parts the operation selects', async () => {
    const result = await stack.query(`{ repository(owner: "fernhollow", name: "search") { nameWithOwner description } }`);
    expect(result.errors).toBeUndefined();
    const sent = (stack.simulator.requests[0]!.body as { query: string }).query;
    expect(sent).toContain('rateLimit');
    expect(sent).not.toMatch(/history|pullRequests|releases|languages|object\(/);
  });

  it('renders the dashboard for every component of a system with exactly one GitHub request', async () => {
    const result = await stack.query<Components>(DASHBOARD, { system: 'ordering' });
    expect(result.errors).toBeUndefined();
    expect(stack.githubCalls()).toBe(1);
    const byRef = Object.fromEntries(result.data!.entities.nodes.map((n) => [n.ref, n.repository]));
    expect(byRef['component:default/legacy-coupons']).toBeNull(); // no annotation: null, no error
    const checkout = byRef['component:default/checkout']!;
    expect(checkout).toMatchObject({ nameWithOwner: 'fernhollow/checkout', defaultBranch: 'main', isArchived: false });
    expect(checkout.commits).toHaveLength(5);
    const prs = checkout.pullRequests as { totalCount: number; nodes: { isDraft: boolean; reviewDecision: string | null }[] };
    expect(prs.totalCount).toBe(5);
    expect(prs.nodes.some((p) => p.isDraft)).toBe(true);
    expect(new Set(prs.nodes.map((p) => p.reviewDecision))).toEqual(new Set(['APPROVED', 'CHANGES_REQUESTED', 'REVIEW_REQUIRED', null]));
    expect(checkout.latestRelease).toMatchObject({ isPrerelease: false });
    expect((checkout.releases as { isPrerelease: boolean }[])[0]!.isPrerelease).toBe(true);
    expect((checkout.languages as { share: number }[]).reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 2);
    expect(checkout.ownersOf).toEqual(['@fernhollow/checkout-orders', '@gmwangi']);
    expect(checkout.pullRequestStats).toMatchObject({ openCount: 5, complete: true });
  });

  it('serves the same dashboard again from the cache without calling GitHub', async () => {
    await stack.query(DASHBOARD, { system: 'ordering' });
    stack.simulator.resetRequests();
    const again = await stack.query<Components>(DASHBOARD, { system: 'ordering' });
    expect(again.errors).toBeUndefined();
    expect(stack.githubCalls()).toBe(0);
  });

  it('fetches the repositories of every component in the catalog in one request', async () => {
    const result = await stack.query<Components>(`{ entities(filter: { kind: ["Component"] }, first: 100) { nodes { ref ... on Component { repository { nameWithOwner } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(stack.githubCalls()).toBe(1);
    const repos = result.data!.entities.nodes.flatMap((n) => (n.repository ? [n.repository.nameWithOwner] : []));
    expect(repos.length).toBe(15);
    expect(new Set(repos).size).toBe(14); // fraud-check shares fernhollow/payments
  });

  it('resolves GitHub teams and logins of the owners, one request per level of the gateway plan', async () => {
    const result = await stack.query<{ entity: { githubTeam: { combinedSlug: string; parentSlug: string; members: { login: string }[] }; members: { githubLogin: string | null; githubUser: { name: string } | null }[] } }>(`{
      entity(ref: "group:default/checkout-orders") { ... on Group { githubTeam { combinedSlug parentSlug members { login } } members { githubLogin githubUser { name } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const team = result.data!.entity.githubTeam;
    expect(team).toMatchObject({ combinedSlug: 'fernhollow/checkout-orders', parentSlug: 'fernhollow/buyer-engineering' });
    expect(result.data!.entity.members.map((m) => m.githubLogin).sort()).toEqual(team.members.map((m) => m.login).sort());
    // The team and the members are two separate fetches of the scm subgraph in the plan.
    expect(stack.githubCalls()).toBeLessThanOrEqual(2);
  });

  it('loads parts selected through fragments and variables in the same single request', async () => {
    const result = await stack.query<{ repository: Repo }>(
      `query($n: Int!, $skip: Boolean!) { repository(owner: "fernhollow", name: "payouts") { ...Prs commits(first: $n) @skip(if: $skip) { oid } } }
       fragment Prs on Repository { pullRequests(states: [MERGED, CLOSED], first: $n) { totalCount nodes { state mergedAt closedAt } } }`,
      { n: 3, skip: false },
    );
    expect(result.errors).toBeUndefined();
    expect(stack.githubCalls()).toBe(1);
    expect(result.data!.repository.commits).toHaveLength(3);
    expect((result.data!.repository.pullRequests as { totalCount: number }).totalCount).toBe(11);
  });

  it('reports BAD_USER_INPUT for out-of-range arguments on that field only', async () => {
    const result = await stack.query(`{ repository(owner: "fernhollow", name: "cart") { nameWithOwner commits(first: 500) { oid } } }`);
    expect(result.data?.repository).toBeNull(); // commits is non-null, so the null bubbles to the repository
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
