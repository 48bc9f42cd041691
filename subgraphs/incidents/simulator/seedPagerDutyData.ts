import type { DemoOrganisation } from '@devgraph/simulator-kit';
import { pagerDutyId, seededRandom, shiftAt, type PagerDutyData, type SimIncident, type SimUser } from './PagerDutyData';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

const TITLES = [
  'Error rate above 5% on {name}',
  'p99 latency over 2 s on {name}',
  '{name}: health check failing in eu-west-1',
  '{name}: database connection pool exhausted',
  'Elevated 5xx from {name} after deploy',
  '{name}: queue consumer lag above 10 minutes',
  'Disk usage above 90% on {name} hosts',
  '{name}: certificate expires in 7 days',
];

/**
 * Fernhollow's PagerDuty account, derived from the demo catalog: one service per
 * `pagerduty.com/service-id` (named after the component's title), one team, two weekly rotations
 * (primary, secondary) and one escalation policy per owning team, users from the team members
 * (same emails as the catalog), ~90 days of incident history and two weeks of deploys.
 * Deterministic: the same catalog and `now` (rounded to the hour) give the same account.
 */
export function seedPagerDutyData(org: DemoOrganisation, now: number): PagerDutyData {
  const at = Math.floor(now / HOUR) * HOUR;
  const data: PagerDutyData = {
    webUrl: 'https://fernhollow.pagerduty.com',
    apiUrl: 'https://api.pagerduty.com',
    rotationAnchor: Date.UTC(2024, 0, 1, 9),
    users: [],
    teams: [],
    schedules: [],
    escalationPolicies: [],
    services: [],
    incidents: [],
    changeEvents: [],
  };
  const usersByRef = new Map<string, SimUser>();
  for (const user of org.users) {
    const email = org.emailOf(user);
    if (!email) continue;
    const name = (user.spec.profile as { displayName?: string } | undefined)?.displayName ?? user.metadata.name;
    const simUser = { id: pagerDutyId(email), name, email };
    usersByRef.set(user.ref, simUser);
    data.users.push(simUser);
  }

  const policyByGroup = new Map<string, string>();
  const components = org.components.filter((c) => org.annotation(c, 'pagerduty.com/service-id'));
  for (const component of components) {
    const groupRef = component.relations.find((r) => r.type === 'ownedBy')?.targetRef;
    if (!groupRef?.startsWith('group:') || policyByGroup.has(groupRef)) continue;
    const group = org.groups.find((g) => g.ref === groupRef);
    const title = group?.metadata.title ?? groupRef;
    const members = (group?.relations ?? [])
      .filter((r) => r.type === 'hasMember')
      .map((r) => usersByRef.get(r.targetRef))
      .filter((u): u is SimUser => u !== undefined)
      .sort((a, b) => a.email.localeCompare(b.email));
    if (members.length === 0) continue;
    const team = { id: pagerDutyId(`team:${groupRef}`), name: title, groupRef };
    const primary = { id: pagerDutyId(`schedule:${groupRef}:primary`), name: `${title} - Primary`, userIds: members.map((m) => m.id), offset: 0 };
    const secondary = { id: pagerDutyId(`schedule:${groupRef}:secondary`), name: `${title} - Secondary`, userIds: members.map((m) => m.id), offset: 1 };
    const policy = { id: pagerDutyId(`policy:${groupRef}`), name: `${title} Escalation Policy`, teamId: team.id, scheduleIds: [primary.id, secondary.id] };
    data.teams.push(team);
    data.schedules.push(primary, secondary);
    data.escalationPolicies.push(policy);
    policyByGroup.set(groupRef, policy.id);
  }

  const random = seededRandom(20240101);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (const [index, component] of components.entries()) {
    const groupRef = component.relations.find((r) => r.type === 'ownedBy')?.targetRef ?? '';
    const policyId = policyByGroup.get(groupRef);
    if (!policyId) continue;
    const policy = data.escalationPolicies.find((p) => p.id === policyId)!;
    const service = {
      id: org.annotation(component, 'pagerduty.com/service-id')!,
      name: component.metadata.title ?? component.metadata.name,
      description: component.metadata.description,
      escalationPolicyId: policyId,
      teamIds: [policy.teamId],
      createdAt: Date.UTC(2023, 5, 1) + index * DAY,
    };
    data.services.push(service);
    const onCallAt = (time: number) => shiftAt(data, data.schedules.find((s) => s.id === policy.scheduleIds[0])!, time).userId;

    // Resolved history: 6-13 incidents over the last 90 days, denser recently (so the default
    // 30-day window always has some), mostly acknowledged within minutes.
    const count = 6 + Math.floor(random() * 8);
    for (let i = 0; i < count; i++) {
      const createdAt = at - Math.floor((1 + random() ** 2 * 89) * DAY) - Math.floor(random() * DAY);
      const acknowledged = random() < 0.85;
      const acknowledgedAt = acknowledged ? createdAt + Math.floor((1 + random() * 29) * MINUTE) : undefined;
      const resolvedAt = (acknowledgedAt ?? createdAt) + Math.floor((10 + random() * 290) * MINUTE);
      const urgency = random() < 0.7 ? 'high' : 'low';
      data.incidents.push({
        id: '',
        number: 0,
        title: pick(TITLES).replace('{name}', service.name),
        serviceId: service.id,
        urgency,
        priority: urgency === 'high' ? pick(['P1', 'P2'] as const) : pick(['P3', 'P4'] as const),
        createdAt,
        acknowledgedAt,
        resolvedAt,
        assigneeIds: [onCallAt(createdAt)],
      });
    }
    // Something going on now, on a few services: triggered and acknowledged, both urgencies.
    // (checkout: triggered high; listings: triggered low; payouts: acknowledged high; storefront-bff: acknowledged low.)
    if (index % 3 === 1) {
      const createdAt = at - (1 + (index % 5)) * HOUR;
      const acknowledged = index > 5;
      const high = index % 2 === 1;
      data.incidents.push({
        id: '',
        number: 0,
        title: pick(TITLES).replace('{name}', service.name),
        serviceId: service.id,
        urgency: high ? 'high' : 'low',
        priority: high ? 'P1' : 'P3',
        createdAt,
        acknowledgedAt: acknowledged ? createdAt + 7 * MINUTE : undefined,
        assigneeIds: [onCallAt(createdAt)],
      });
    }

    const repo = org.annotation(component, 'github.com/project-slug');
    for (let i = 0; i < 2 + Math.floor(random() * 4); i++) {
      const timestamp = at - Math.floor(random() * 14 * DAY);
      const sha = Math.floor(random() * 0xfffffff).toString(16).padStart(7, '0');
      data.changeEvents.push({
        id: pagerDutyId(`change:${service.id}:${i}:${timestamp}`, '01'),
        summary: `Deployed ${repo ?? service.name}@${sha} to production`,
        timestamp,
        source: 'github-actions',
        serviceIds: [service.id],
        links: repo ? [{ href: `https://github.com/${repo}/commit/${sha}`, text: `Commit ${sha}` }] : [],
      });
    }
  }
  numberIncidents(data.incidents);
  return data;
}

/** Account-wide numbers in creation order, and ids derived from them, as PagerDuty assigns them. */
export function numberIncidents(incidents: SimIncident[]): void {
  incidents.sort((a, b) => a.createdAt - b.createdAt || a.serviceId.localeCompare(b.serviceId));
  incidents.forEach((incident, i) => {
    incident.number = 1001 + i;
    incident.id = incident.id || pagerDutyId(`incident:${incident.serviceId}:${incident.createdAt}:${i}`, 'Q');
  });
}
