import crypto from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { startRegisteredStack, type RegisteredStack } from './support/startRegisteredStack';

// `viewer` through the gateway as a user meets it: every subgraph on its simulator, requests
// signed with the caller inside (SUBGRAPH_SECRET), the caller known by a JWT or an API key.
const ISSUER = 'https://login.example.test/';
const AUDIENCE = 'devgraph';
const SECRET = crypto.randomBytes(32).toString('base64');
const ALL_TOOLS = ['catalog', 'scm', 'incidents', 'experiments'] as ('catalog' | 'scm' | 'incidents' | 'experiments')[];
const KEYS = { grace: 'dg_grace_0123456789abcdef0123', nobody: 'dg_nobody_0123456789abcdef012' };
const sha256 = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string };
}
interface Answer<T> {
  data?: T | null;
  errors?: GqlError[];
}

async function post<T>(url: string, query: string, bearer?: string): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Answer<T>;
}

const MY_WORK = `{
  viewer {
    user {
      ref
      displayName
      email
      onCallShifts(days: 28) { escalationLevel start end user { email } }
      assignedIncidents { totalCount nodes { id status assignees { email } } }
      reviewRequests { totalCount nodes { repository pullRequest { number state isDraft } } }
      experimentsOwned { name }
    }
    groups { ref }
    owns { ref }
  }
}`;

interface MyWork {
  viewer: {
    user: {
      ref: string;
      displayName: string;
      email: string;
      onCallShifts: { escalationLevel: number; start: string | null; end: string | null; user: { email: string | null } }[] | null;
      assignedIncidents: { totalCount: number; nodes: { id: string; status: string; assignees: { email: string | null }[] }[] } | null;
      reviewRequests: { totalCount: number; nodes: { repository: string; pullRequest: { number: number; state: string; isDraft: boolean } }[] } | null;
      experimentsOwned: { name: string }[];
    };
    groups: { ref: string }[];
    owns: { ref: string }[];
  } | null;
}

describe('viewer: the signed-in caller\'s own work, through the gateway', () => {
  let privateKey: KeyLike;
  let stack: RegisteredStack;

  const jwtFor = (email: string) =>
    new SignJWT({ email })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject(`sub-${email}`)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    stack = await startRegisteredStack({
      env: { SUBGRAPH_SECRET: SECRET },
      gateway: {
        subgraphSecret: SECRET,
        auth: {
          methods: ['jwt', 'apikey'],
          jwt: { publicKey: await exportSPKI(pair.publicKey), issuer: ISSUER, audience: [AUDIENCE], clockSkewSeconds: 0, userClaim: 'email' },
          apiKeys: [
            // `user:grace.mwangi` is the short form of user:default/grace.mwangi.
            { name: 'grace-script', sha256: sha256(KEYS.grace), scopes: ALL_TOOLS, user: 'user:grace.mwangi', allowUntrustedDocuments: false },
            { name: 'nightly-export', sha256: sha256(KEYS.nobody), scopes: ALL_TOOLS, allowUntrustedDocuments: false },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('answers an API key acting as a demo user with their groups, estate, shifts, reviews and experiments', async () => {
    const { data, errors } = await post<MyWork>(stack.gateway.url, MY_WORK, KEYS.grace);
    expect(errors).toBeUndefined();
    const viewer = data!.viewer!;
    expect(viewer.user).toMatchObject({ ref: 'user:default/grace.mwangi', displayName: 'Grace Mwangi', email: 'grace.mwangi@fernhollow.com' });
    // Her team and its parent, by ref.
    expect(viewer.groups.map((g) => g.ref)).toEqual(['group:default/buyer-engineering', 'group:default/checkout-orders']);
    const owned = viewer.owns.map((e) => e.ref);
    expect(owned).toEqual(expect.arrayContaining(['component:default/checkout', 'system:default/ordering']));
    expect(owned).toEqual([...owned].sort());
    // A weekly rotation through four people: four weeks ahead always hold a shift of hers.
    const shifts = viewer.user.onCallShifts!;
    expect(shifts.length).toBeGreaterThan(0);
    expect(new Set(shifts.map((s) => s.user.email))).toEqual(new Set(['grace.mwangi@fernhollow.com']));
    const starts = shifts.map((s) => Date.parse(s.start!));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(viewer.user.assignedIncidents!.nodes.every((i) => i.status !== 'RESOLVED' && i.assignees.some((a) => a.email === 'grace.mwangi@fernhollow.com'))).toBe(true);
    // The seed asks her (gmwangi) to review an open pull request in her team's repositories.
    const reviews = viewer.user.reviewRequests!;
    expect(reviews.totalCount).toBeGreaterThan(0);
    expect(reviews.nodes.length).toBe(Math.min(reviews.totalCount, 10));
    for (const node of reviews.nodes) {
      expect(node.repository).toMatch(/^fernhollow\//);
      expect(node.pullRequest).toMatchObject({ state: 'OPEN', isDraft: false });
    }
    expect(viewer.user.experimentsOwned.map((e) => e.name)).toContain('One-page checkout');
  });

  it('finds a JWT caller by their email claim, case-insensitively, with the incidents assigned to them', async () => {
    // Who holds checkout's open incident depends on the week's rotation: ask, then sign in as them.
    const open = await post<{ entity: { incidents: { nodes: { id: string; assignees: { email: string }[] }[] } } }>(
      stack.gateway.url,
      '{ entity(ref: "component:default/checkout") { ... on Component { incidents(statuses: [TRIGGERED, ACKNOWLEDGED]) { nodes { id assignees { email } } } } } }',
      KEYS.grace,
    );
    const incident = open.data!.entity.incidents.nodes[0]!;
    const email = incident.assignees[0]!.email;

    const { data, errors } = await post<MyWork>(stack.gateway.url, MY_WORK, await jwtFor(email.toUpperCase()));
    expect(errors).toBeUndefined();
    const viewer = data!.viewer!;
    expect(viewer.user.email).toBe(email);
    expect(viewer.groups.map((g) => g.ref)).toContain('group:default/checkout-orders');
    expect(viewer.owns.map((e) => e.ref)).toContain('component:default/checkout');
    expect(viewer.user.assignedIncidents!.nodes.map((i) => i.id)).toContain(incident.id);
    expect(viewer.user.assignedIncidents!.totalCount).toBe(viewer.user.assignedIncidents!.nodes.length);
  });

  it('is null with NOT_FOUND naming the email when no catalog User has it', async () => {
    const { data, errors } = await post<MyWork>(stack.gateway.url, '{ viewer { user { ref } } }', await jwtFor('someone.else@example.com'));
    expect(data).toEqual({ viewer: null });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: ['viewer'], extensions: { code: 'NOT_FOUND' } });
    expect(errors![0]!.message).toContain('someone.else@example.com');
  });

  it('is null with NOT_FOUND when an API key acts as nobody', async () => {
    const { data, errors } = await post<MyWork>(stack.gateway.url, '{ viewer { user { ref } } }', KEYS.nobody);
    expect(data).toEqual({ viewer: null });
    expect(errors![0]).toMatchObject({ path: ['viewer'], extensions: { code: 'NOT_FOUND' } });
    expect(errors![0]!.message).toMatch(/nightly-export.*no catalog User/);
  });
});

describe('viewer with AUTH_MODE=none', () => {
  let stack: RegisteredStack;

  beforeAll(async () => {
    stack = await startRegisteredStack({ only: ['catalog'], env: { SUBGRAPH_SECRET: SECRET }, gateway: { subgraphSecret: SECRET } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('is null with UNAUTHENTICATED saying viewer needs a signed-in caller; the rest of the query answers', async () => {
    const { data, errors } = await post<{ viewer: null; entity: { ref: string } }>(stack.gateway.url, '{ viewer { user { ref } } entity(ref: "component:default/checkout") { ref } }');
    expect(data).toEqual({ viewer: null, entity: { ref: 'component:default/checkout' } });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: ['viewer'], extensions: { code: 'UNAUTHENTICATED' } });
    expect(errors![0]!.message).toMatch(/viewer needs a signed-in caller.*AUTH_MODE=none/);
  });
});
