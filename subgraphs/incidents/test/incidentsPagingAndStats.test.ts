import { statusOf, type SimIncident } from '../simulator/PagerDutyData';
import { startIncidentsStack, type IncidentsStack } from './startIncidentsStack';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;
// PagerDuty answers in whole seconds; DateTime serialises them in its one canonical form (with milliseconds).
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

describe('incident paging and stats through the gateway', () => {
  let stack: IncidentsStack;
  const now = Date.now();
  // Payouts gets a hand-made history with round numbers, so MTTA and MTTR are known exactly.
  const known: Partial<SimIncident>[] = [
    { title: 'A', urgency: 'high', createdAt: now - 10 * DAY, acknowledgedAt: now - 10 * DAY + 5 * MINUTE, resolvedAt: now - 10 * DAY + 60 * MINUTE },
    { title: 'B', urgency: 'low', createdAt: now - 9 * DAY, resolvedAt: now - 9 * DAY + 30 * MINUTE },
    { title: 'C', urgency: 'high', createdAt: now - 2 * HOUR, acknowledgedAt: now - 2 * HOUR + 15 * MINUTE },
    { title: 'old', urgency: 'high', createdAt: now - 40 * DAY, acknowledgedAt: now - 40 * DAY + 99 * MINUTE, resolvedAt: now - 40 * DAY + 999 * MINUTE },
  ];

  beforeAll(async () => {
    stack = await startIncidentsStack({
      // Three items a page, so every list below spans several PagerDuty pages.
      pagerduty: { pageSize: 3, maxPages: 200 },
      now: () => now,
      simulator: {
        customize(data) {
          const assignee = data.incidents.find((i) => i.serviceId === 'PPO6T1V')!.assigneeIds;
          data.incidents = data.incidents.filter((i) => i.serviceId !== 'PPO6T1V');
          for (const k of known) data.incidents.push({ id: '', number: 0, serviceId: 'PPO6T1V', assigneeIds: assignee, ...k } as SimIncident);
        },
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.sim!.resetRequests());

  it('reads every PagerDuty page, then pages the connection with stable cursors', async () => {
    const since = iso(now - 100 * DAY);
    const expected = stack.sim!.data.incidents.filter((i) => i.serviceId === 'PCH3K7T' && i.createdAt >= Date.parse(since));
    expect(expected.length).toBeGreaterThan(3);
    const seen: { id: string; createdAt: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: { data?: { entity: { incidents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; createdAt: string }[] } } } | null } =
        await stack.query('query($after: String, $since: DateTime) { entity(ref: "component:default/checkout") { ... on Component { incidents(since: $since, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id createdAt } } } } }', {
          after,
          since,
        });
      const connection = result.data!.entity.incidents;
      expect(connection.totalCount).toBe(expected.length);
      seen.push(...connection.nodes);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.map((n) => n.id).sort()).toEqual(expected.map((i) => i.id).sort());
    expect(seen.map((n) => n.createdAt)).toEqual([...seen.map((n) => n.createdAt)].sort().reverse());
    const offsets = stack.sim!.requests.filter((r) => r.path === '/incidents').map((r) => Number(r.query.offset));
    expect(new Set(offsets)).toEqual(new Set(Array.from({ length: Math.ceil(expected.length / 3) }, (_, i) => i * 3)));
  });

  it('marks a list cut short by the page cap as truncated', async () => {
    const capped = await startIncidentsStack({ pagerduty: { pageSize: 2, maxPages: 2 } });
    try {
      const result = await capped.query<{ entity: { incidents: { totalCount: number; truncated: boolean } } }>(
        `{ entity(ref: "component:default/checkout") { ... on Component { incidents(since: "${iso(capped.now() - 100 * DAY)}") { totalCount truncated } } } }`,
      );
      expect(result.data!.entity.incidents).toEqual({ totalCount: 4, truncated: true });
      expect(capped.sim!.count('/incidents')).toBe(2);
      expect(capped.logLines.join('\n')).toContain('truncated');
    } finally {
      await capped.close();
    }
  });

  it('computes MTTA and MTTR from acknowledge log entries and resolve times', async () => {
    const result = await stack.query<{ entity: { incidentStats: Record<string, unknown>; incidents: { nodes: { title: string; acknowledgedAt: string | null }[] } } }>(
      `{ entity(ref: "component:default/payouts") { ... on Component {
          incidentStats { total highUrgency lowUrgency open resolved mttaSeconds mttrSeconds truncated since until }
          incidents(first: 10) { nodes { title acknowledgedAt } }
      } } }`,
    );
    expect(result.errors).toBeUndefined();
    const stats = result.data!.entity.incidentStats;
    expect(stats).toMatchObject({
      total: 3,
      highUrgency: 2,
      lowUrgency: 1,
      open: 1,
      resolved: 2,
      mttaSeconds: (5 * 60 + 15 * 60) / 2,
      mttrSeconds: (60 * 60 + 30 * 60) / 2,
      truncated: false,
    });
    expect(Date.parse(stats.until as string) - Date.parse(stats.since as string)).toBe(30 * DAY);
    const acks = Object.fromEntries(result.data!.entity.incidents.nodes.map((n) => [n.title, n.acknowledgedAt]));
    expect(acks).toEqual({ A: iso(known[0]!.acknowledgedAt!), B: null, C: iso(known[2]!.acknowledgedAt!) });
    // Stats and the list ask the same question: one /incidents list, one /log_entries list (of many pages).
    const lists = (path: string) => stack.sim!.requests.filter((r) => r.path === path && r.query.offset === '0').length;
    expect(lists('/incidents')).toBe(1);
    expect(lists('/log_entries')).toBe(1);
    expect(stack.sim!.count('/log_entries')).toBeGreaterThan(1);
  });

  it('widens the stats window with since', async () => {
    const result = await stack.query<{ entity: { incidentStats: { total: number; mttaSeconds: number; resolved: number } } }>(
      `{ entity(ref: "component:default/payouts") { ... on Component { incidentStats(since: "${iso(now - 60 * DAY)}") { total resolved mttaSeconds } } } }`,
    );
    expect(result.data!.entity.incidentStats).toEqual({ total: 4, resolved: 3, mttaSeconds: (5 + 15 + 99) * 60 / 3 });
    expect(stack.sim!.data.incidents.filter((i) => i.serviceId === 'PPO6T1V').map(statusOf).sort()).toEqual(['acknowledged', 'resolved', 'resolved', 'resolved']);
  });
});
