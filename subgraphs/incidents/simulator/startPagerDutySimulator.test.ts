import { createOpenApiValidators } from './validateAgainstOpenApi';
import { startPagerDutySimulator, type PagerDutySimulator } from './startPagerDutySimulator';
import { statusOf } from './PagerDutyData';

const TOKEN = 'contract-test-token';
const DAY = 86_400_000;

describe('PagerDuty simulator', () => {
  let sim: PagerDutySimulator;
  let validatorFor: ReturnType<typeof createOpenApiValidators>;
  const get = async (path: string, token = TOKEN) => {
    const response = await fetch(`${sim.url}${path}`, { headers: { authorization: `Token token=${token}`, accept: 'application/vnd.pagerduty+json;version=2' } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  // The simulator's clock stands still, so what a test expects and what it answers agree.
  const now = Date.now();

  beforeAll(async () => {
    sim = await startPagerDutySimulator({ token: TOKEN, now: () => now });
    validatorFor = createOpenApiValidators();
  });
  afterAll(() => sim.close());

  const incident = () => sim.data.incidents.find((i) => statusOf(i) === 'resolved')!;
  const openIncident = () => sim.data.incidents.find((i) => statusOf(i) === 'acknowledged')!;
  const policy = () => sim.data.escalationPolicies[0]!;

  // Every request devgraph sends, with the include[] options it uses where they keep the spec's shapes.
  const cases: [string, string, () => string, string][] = [
    ['/incidents', 'incidents', () => '/incidents?service_ids[]=PCH3K7T&service_ids[]=PPAY7X2&statuses[]=resolved&urgencies[]=high&limit=5&total=true', 'incidents'],
    ['/incidents', 'open incidents with assignees', () => '/incidents?statuses[]=triggered&statuses[]=acknowledged&date_range=all&include[]=assignees', 'incidents'],
    ['/incidents/{id}', 'an incident', () => `/incidents/${openIncident().id}`, 'incident'],
    ['/incidents/{id}/log_entries', "an incident's log entries", () => `/incidents/${incident().id}/log_entries`, 'log_entries'],
    ['/log_entries', 'log entries', () => '/log_entries?is_overview=true&limit=100', 'log_entries'],
    ['/oncalls', 'on-calls', () => `/oncalls?escalation_policy_ids[]=${policy().id}`, 'oncalls'],
    ['/incidents', 'incidents assigned to a user', () => `/incidents?user_ids[]=${openIncident().assigneeIds[0]}&statuses[]=triggered&statuses[]=acknowledged&date_range=all&include[]=assignees`, 'incidents'],
    ['/oncalls', "a user's shifts ahead", () => `/oncalls?user_ids[]=${openIncident().assigneeIds[0]}&since=${new Date(now).toISOString()}&until=${new Date(now + 28 * DAY).toISOString()}`, 'oncalls'],
    ['/services/{id}', 'a service', () => '/services/PCH3K7T', 'service'],
    ['/services', 'every service', () => '/services?limit=100&offset=0', 'services'],
    ['/change_events', 'change events', () => '/change_events', 'change_events'],
    ['/users', 'users', () => '/users?query=fernhollow.com', 'users'],
  ];

  it.each(cases)('answers %s (%s) as PagerDuty documents it', async (specPath, _what, url, key) => {
    const { status, body } = await get(url());
    expect(status).toBe(200);
    const value = body[key];
    expect(Array.isArray(value) ? value.length : value ? 1 : 0).toBeGreaterThan(0);
    const validate = validatorFor(specPath);
    expect(validate(body) ? [] : validate.errors).toEqual([]);
  });

  it('has a check that catches wrong shapes (so the passes above mean something)', async () => {
    const { body } = await get('/incidents?limit=1');
    const [first] = body.incidents as Record<string, unknown>[];
    expect(validatorFor('/incidents')({ incidents: [{ ...first, status: 'sleeping' }] })).toBe(false);
    expect(validatorFor('/incidents')({ incidents: [{ ...first, service: { summary: 'no id or type' } }] })).toBe(false);
    expect(validatorFor('/users')({ users: [{ id: 'PX', type: 'user', name: 'No Email' }] })).toBe(false);
    expect(validatorFor('/oncalls')({ oncalls: [{ escalation_level: 'one' }] })).toBe(false);
  });

  it('includes full user objects that match the User schema on request', async () => {
    const { body } = await get(`/oncalls?escalation_policy_ids[]=${policy().id}&include[]=users`);
    const validate = validatorFor('/users');
    const users = (body.oncalls as { user: unknown }[]).map((o) => o.user);
    expect(validate({ users }) ? [] : validate.errors).toEqual([]);
    expect(users[0]).toMatchObject({ type: 'user', email: expect.stringMatching(/@fernhollow\.com$/) });
  });

  it('filters incidents by user_ids[] as PagerDuty does: those assigned to the users now, so never resolved ones', async () => {
    const userId = openIncident().assigneeIds[0]!;
    const expected = sim.data.incidents.filter((i) => statusOf(i) !== 'resolved' && i.assigneeIds.includes(userId)).map((i) => i.id).sort();
    expect(sim.data.incidents.some((i) => statusOf(i) === 'resolved' && i.assigneeIds.includes(userId))).toBe(true);
    const { body } = await get(`/incidents?user_ids[]=${userId}&date_range=all&limit=100`);
    expect((body.incidents as { id: string }[]).map((i) => i.id).sort()).toEqual(expected);
  });

  it('pages with limit, offset, more and total', async () => {
    // PagerDuty's default window: the last 30 days up to now.
    const all = sim.data.incidents.filter((i) => i.serviceId === 'PCH3K7T' && i.createdAt >= now - 30 * DAY && i.createdAt < now).length;
    const first = await get('/incidents?service_ids[]=PCH3K7T&limit=2&total=true');
    expect(first.body).toMatchObject({ limit: 2, offset: 0, more: all > 2, total: all });
    const last = await get(`/incidents?service_ids[]=PCH3K7T&limit=2&offset=${Math.max(0, all - 1)}`);
    expect(last.body).toMatchObject({ more: false, total: null });
  });

  it('lists services by name, 100 at most a page, filtered by query and team', async () => {
    const names = sim.data.services.map((s) => s.name).sort((a, b) => a.localeCompare(b));
    const first = await get('/services?limit=5&total=true');
    expect(first.body).toMatchObject({ limit: 5, offset: 0, more: true, total: names.length });
    expect((first.body.services as { name: string }[]).map((s) => s.name)).toEqual(names.slice(0, 5));
    const rest = await get('/services?limit=5&offset=5');
    expect((rest.body.services as { name: string }[]).map((s) => s.name)).toEqual(names.slice(5, 10));
    expect((await get('/services?limit=500')).body).toMatchObject({ limit: 100, more: false });
    const checkout = await get('/services?query=checkout');
    expect((checkout.body.services as { id: string }[]).map((s) => s.id)).toContain('PCH3K7T');
    const team = sim.data.services[0]!.teamIds[0]!;
    const byTeam = (await get(`/services?team_ids[]=${team}&limit=100`)).body.services as { teams: { id: string }[] }[];
    expect(byTeam.length).toBeGreaterThan(0);
    expect(byTeam.every((s) => s.teams.some((t) => t.id === team))).toBe(true);
    expect((await get('/services?sort_by=age')).status).toBe(400);
  });

  it('answers errors with PagerDuty status codes and bodies', async () => {
    expect(await get('/incidents', 'someone-elses-token')).toEqual({ status: 401, body: { error: { message: 'Invalid Credentials', code: 2006, errors: ['Authentication Required'] } } });
    expect(await get('/services/PNOSUCH')).toEqual({ status: 404, body: { error: { message: 'Not Found', code: 2100 } } });
    const tooLong = await get('/incidents?since=2020-01-01T00:00:00Z&until=2021-01-01T00:00:00Z');
    expect(tooLong).toMatchObject({ status: 400, body: { error: { code: 2001, message: 'Invalid Input Provided' } } });
    expect((await get('/incidents?statuses[]=sleeping')).status).toBe(400);
  });

  it('is seeded from the demo organisation: services, teams, people and history', () => {
    expect(sim.data.services.map((s) => s.id).sort()).toEqual(['PB7F1QZ', 'PC4RT9M', 'PCH3K7T', 'PFR4UD8', 'PIV3N6Y', 'PLS5T8G', 'PPAY7X2', 'PPO6T1V', 'PQ0RD5N', 'PSL2P9E', 'PSR8K3L', 'PWX4R2K']);
    expect(sim.data.users.every((u) => u.email.endsWith('@fernhollow.com'))).toBe(true);
    expect(sim.data.escalationPolicies.map((p) => p.name)).toContain('Checkout & Orders Escalation Policy');
    expect(new Set(sim.data.incidents.map(statusOf))).toEqual(new Set(['triggered', 'acknowledged', 'resolved']));
    expect(new Set(sim.data.incidents.map((i) => i.urgency))).toEqual(new Set(['high', 'low']));
  });

  it('seeds the same account for the same clock', async () => {
    const at = Date.UTC(2025, 2, 1, 12);
    const [a, b] = await Promise.all([startPagerDutySimulator({ now: () => at }), startPagerDutySimulator({ now: () => at })]);
    try {
      expect(a.data).toEqual(b.data);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
