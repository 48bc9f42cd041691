import { statusOf } from '../simulator/PagerDutyData';
import { startIncidentsStack, type IncidentsStack } from './startIncidentsStack';

interface IncidentNode {
  id: string;
  number: number;
  title: string;
  status: string;
  urgency: string;
  priority: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  url: string;
  service: { id: string; name: string };
  assignees: { name: string; email: string }[];
  escalationLevel: number | null;
}

const DAY = 86_400_000;
/** PagerDuty answers in whole seconds; DateTime serialises them in its one canonical form (with milliseconds). */
const asDateTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

describe('incidents through the gateway (demo organisation)', () => {
  let stack: IncidentsStack;
  beforeAll(async () => {
    stack = await startIncidentsStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.sim!.resetRequests());

  it('answers "owners + open incidents + on-call of a service" in one query', async () => {
    const result = await stack.query<{
      entity: {
        owner: { members: { email: string }[] };
        pagerdutyService: { id: string; name: string; status: string; escalationPolicy: { name: string }; teams: { name: string }[] };
        incidents: { totalCount: number; nodes: IncidentNode[] };
        onCall: { escalationLevel: number; start: string; end: string; user: { name: string; email: string } }[];
      };
    }>(`{
      entity(ref: "component:default/checkout") {
        ... on Component {
          owner { ... on Group { members { email } } }
          pagerdutyService { id name status escalationPolicy { name } teams { name } }
          incidents(statuses: [TRIGGERED, ACKNOWLEDGED]) {
            totalCount
            nodes { id number title status urgency priority createdAt acknowledgedAt resolvedAt url service { id name } assignees { name email } escalationLevel }
          }
          onCall { escalationLevel start end user { name email } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const checkout = result.data!.entity;
    const members = checkout.owner.members.map((m) => m.email);
    expect(checkout.pagerdutyService).toEqual({
      id: 'PCH3K7T',
      name: 'Checkout Service',
      status: 'CRITICAL',
      escalationPolicy: { name: 'Checkout & Orders Escalation Policy' },
      teams: [{ name: 'Checkout & Orders' }],
    });
    expect(checkout.incidents.totalCount).toBe(1);
    const [open] = checkout.incidents.nodes;
    expect(open).toMatchObject({ status: 'TRIGGERED', urgency: 'HIGH', priority: 'P1', acknowledgedAt: null, resolvedAt: null, service: { id: 'PCH3K7T', name: 'Checkout Service' } });
    expect(open!.url).toMatch(/^https:\/\/fernhollow\.pagerduty\.com\/incidents\//);
    expect(members).toEqual(expect.arrayContaining(open!.assignees.map((a) => a.email)));
    expect(open!.escalationLevel).toEqual(expect.any(Number));
    expect(checkout.onCall.map((o) => o.escalationLevel)).toEqual([1, 2]);
    for (const shift of checkout.onCall) {
      expect(members).toContain(shift.user.email);
      expect(Date.parse(shift.start)).toBeLessThanOrEqual(stack.now());
      expect(Date.parse(shift.end)).toBeGreaterThan(stack.now());
    }
  });

  it('makes one /incidents call and one /oncalls call for every component of a dashboard', async () => {
    const result = await stack.query<{ entities: { nodes: { ref: string; pagerdutyServiceId: string | null; incidents: { totalCount: number } | null; open: { totalCount: number } | null; onCall: unknown[] | null }[] } }>(`{
      entities(filter: { kind: ["Component"] }, first: 50) {
        nodes { ref ... on Component {
          pagerdutyServiceId
          incidents(first: 3) { totalCount }
          again: incidents(first: 1) { totalCount }
          open: incidents(statuses: [TRIGGERED, ACKNOWLEDGED]) { totalCount }
          onCall { escalationLevel }
        } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.entities.nodes;
    const withService = nodes.filter((n) => n.pagerdutyServiceId);
    expect(withService).toHaveLength(12);
    for (const node of nodes) {
      expect(node.incidents === null).toBe(node.pagerdutyServiceId === null);
      expect(node.onCall === null).toBe(node.pagerdutyServiceId === null);
    }
    // Two filters (the default window, and open-only), each one call for all twelve services.
    expect(stack.sim!.count('/incidents')).toBe(2);
    expect(stack.sim!.count('/oncalls')).toBe(1);
    const serviceIds = stack.sim!.requests.filter((r) => r.path === '/incidents').map((r) => r.query['service_ids[]']);
    for (const ids of serviceIds) expect([...(ids as string[])].sort()).toEqual(withService.map((n) => n.pagerdutyServiceId).sort());
    expect(withService.reduce((sum, n) => sum + n.open!.totalCount, 0)).toBe(stack.sim!.data.incidents.filter((i) => statusOf(i) !== 'resolved').length);
  });

  it('filters by every status and urgency, as PagerDuty would', async () => {
    const since = new Date(stack.now() - 120 * DAY).toISOString();
    const cases = [
      ['TRIGGERED', null],
      ['ACKNOWLEDGED', null],
      ['RESOLVED', null],
      [null, 'HIGH'],
      [null, 'LOW'],
      ['RESOLVED', 'LOW'],
    ] as const;
    const fields = cases
      .map(([status, urgency], i) => `c${i}: incidents(since: "${since}", first: 100${status ? `, statuses: [${status}]` : ''}${urgency ? `, urgency: ${urgency}` : ''}) { totalCount nodes { status urgency } }`)
      .join('\n');
    const refs = ['payouts', 'listings', 'payments', 'storefront-bff'];
    const query = `{ ${refs.map((r) => `${r.replace('-', '_')}: entity(ref: "component:default/${r}") { ... on Component { pagerdutyServiceId ${fields} } }`).join('\n')} }`;
    // The gateway sends one subgraph request per aliased root field. PagerDuty is asked only
    // once all four have asked their six questions, so the count below does not depend on
    // whether the requests arrived within one batch window.
    stack.batches.hold();
    const answer = stack.query<Record<string, Record<string, { totalCount: number; nodes: { status: string; urgency: string }[] } | string>>>(query);
    await stack.batches.keysIn('pagerduty.incidents', cases.length * refs.length);
    stack.batches.release();
    const result = await answer;
    expect(result.errors).toBeUndefined();
    const seenStatuses = new Set<string>();
    const seenUrgencies = new Set<string>();
    for (const component of Object.values(result.data!)) {
      const serviceId = component.pagerdutyServiceId as string;
      cases.forEach(([status, urgency], i) => {
        const connection = component[`c${i}`] as { totalCount: number; nodes: { status: string; urgency: string }[] };
        const expected = stack.sim!.data.incidents.filter(
          (inc) =>
            inc.serviceId === serviceId &&
            inc.createdAt >= Date.parse(since) &&
            (!status || statusOf(inc) === status.toLowerCase()) &&
            (!urgency || inc.urgency === urgency.toLowerCase()),
        );
        expect({ serviceId, i, count: connection.totalCount }).toEqual({ serviceId, i, count: expected.length });
        for (const node of connection.nodes) {
          if (status) expect(node.status).toBe(status);
          if (urgency) expect(node.urgency).toBe(urgency);
          seenStatuses.add(node.status);
          seenUrgencies.add(node.urgency);
        }
      });
    }
    expect(seenStatuses).toEqual(new Set(['TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED']));
    expect(seenUrgencies).toEqual(new Set(['HIGH', 'LOW']));
    // Six filters over four services: six calls, not twenty-four, although the gateway sends one
    // subgraph request per aliased root field (the batch joins them).
    expect(stack.sim!.count('/incidents')).toBe(6);
  });

  it('answers User.onCall by email, Query.incident by id, and change events', async () => {
    const onCallNow = await stack.query<{ entity: { onCall: { user: { email: string } }[] } }>('{ entity(ref: "component:default/payments") { ... on Component { onCall { user { email } } } } }');
    const email = onCallNow.data!.entity.onCall[0]!.user.email;
    const userRef = `user:default/${email.split('@')[0]}`;
    const incident = stack.sim!.data.incidents.find((i) => i.serviceId === 'PPAY7X2' && i.resolvedAt !== undefined && i.acknowledgedAt !== undefined)!;
    const result = await stack.query<{
      user: { email: string; onCall: { escalationLevel: number; escalationPolicy: { name: string }; schedule: { name: string } }[] } | null;
      incident: IncidentNode;
      missing: unknown;
      entity: { changeEvents: { id: string; summary: string; timestamp: string; source: string; links: { href: string }[] }[] };
    }>(
      `query($ref: ID!, $id: ID!) {
        user: entity(ref: $ref) { ... on User { email onCall { escalationLevel escalationPolicy { name } schedule { name } } } }
        incident(id: $id) { id number status acknowledgedAt resolvedAt createdAt assignees { email } escalationLevel }
        missing: incident(id: "QNOSUCH") { id }
        entity(ref: "component:default/payments") { ... on Component { changeEvents { id summary timestamp source links { href } } } }
      }`,
      { ref: userRef, id: incident.id },
    );
    expect(result.data!.user!.onCall).toEqual(expect.arrayContaining([{ escalationLevel: 1, escalationPolicy: { name: 'Money Movement Escalation Policy' }, schedule: { name: 'Money Movement - Primary' } }]));
    expect(result.data!.incident).toEqual({
      id: incident.id,
      number: incident.number,
      status: 'RESOLVED',
      createdAt: asDateTime(incident.createdAt),
      acknowledgedAt: asDateTime(incident.acknowledgedAt!),
      resolvedAt: asDateTime(incident.resolvedAt!),
      assignees: [],
      escalationLevel: null,
    });
    expect(result.data!.missing).toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['missing'], 'NOT_FOUND']]);
    const events = result.data!.entity.changeEvents;
    const expected = stack.sim!.data.changeEvents.filter((e) => e.serviceIds.includes('PPAY7X2') && e.timestamp >= stack.now() - 7 * DAY);
    expect(events.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(events.map((e) => e.timestamp)).toEqual([...events.map((e) => e.timestamp)].sort().reverse());
    expect(stack.sim!.count('/change_events')).toBe(1);
  });

  it('rejects a window longer than PagerDuty allows, and a bad cursor, before calling PagerDuty', async () => {
    const result = await stack.query(`{
      entity(ref: "component:default/checkout") { ... on Component {
        long: incidents(since: "2020-01-01T00:00:00Z") { totalCount }
        cursor: incidents(after: "nope") { totalCount }
      } }
    }`);
    const codes = Object.fromEntries((result.errors ?? []).map((e) => [e.path?.[1], e.extensions?.code]));
    expect(codes).toEqual({ long: 'BAD_USER_INPUT', cursor: 'BAD_USER_INPUT' });
    expect(result.errors?.find((e) => e.path?.[1] === 'long')?.message).toContain('6 months');
    expect(stack.sim!.count('/incidents')).toBe(0);
  });
});
