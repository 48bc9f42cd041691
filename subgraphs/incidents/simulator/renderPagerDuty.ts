import { shiftAt, statusOf, type PagerDutyData, type SimIncident, type SimUser } from './PagerDutyData';

/** PagerDuty's wire objects, built from the simulator's records the way the REST API v2 shows them. */
export function createRenderer(data: PagerDutyData) {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ref = (type: string, id: string, summary: string, path: string, web: string) => ({
    id,
    type: `${type}_reference`,
    summary,
    self: `${data.apiUrl}/${path}/${id}`,
    html_url: `${data.webUrl}/${web}/${id}`,
  });
  const find = <T extends { id: string }>(items: T[], id: string) => items.find((x) => x.id === id);

  const userRef = (u: SimUser) => ref('user', u.id, u.name, 'users', 'users');
  const user = (u: SimUser) => ({
    ...userRef(u),
    type: 'user',
    name: u.name,
    email: u.email,
    time_zone: 'Europe/London',
    color: 'green',
    role: 'user',
    avatar_url: `https://secure.gravatar.com/avatar/${u.id}.png`,
    description: null,
    invitation_sent: false,
    job_title: u.jobTitle ?? 'Engineer',
    teams: data.teams.filter((t) => data.schedules.some((s) => s.userIds.includes(u.id) && data.escalationPolicies.some((p) => p.teamId === t.id && p.scheduleIds.includes(s.id)))).map((t) => ref('team', t.id, t.name, 'teams', 'teams')),
    contact_methods: [],
    notification_rules: [],
  });
  const userById = (id: string) => find(data.users, id)!;
  const serviceRef = (id: string) => ref('service', id, find(data.services, id)?.name ?? id, 'services', 'service-directory');
  const policyRef = (id: string) => ref('escalation_policy', id, find(data.escalationPolicies, id)?.name ?? id, 'escalation_policies', 'escalation_policies');

  function service(id: string, now: number) {
    const s = find(data.services, id)!;
    const incidents = data.incidents.filter((i) => i.serviceId === id && i.createdAt <= now);
    const open = incidents.filter((i) => statusOf(i) !== 'resolved');
    const status = s.mode ?? (open.some((i) => statusOf(i) === 'triggered') ? 'critical' : open.length ? 'warning' : 'active');
    const last = Math.max(0, ...incidents.map((i) => i.createdAt));
    return {
      ...serviceRef(id),
      type: 'service',
      name: s.name,
      description: s.description ?? '',
      auto_resolve_timeout: 14_400,
      acknowledgement_timeout: 1_800,
      created_at: iso(s.createdAt),
      status,
      last_incident_timestamp: last ? iso(last) : undefined,
      escalation_policy: policyRef(s.escalationPolicyId),
      teams: s.teamIds.map((t) => ref('team', t, find(data.teams, t)?.name ?? t, 'teams', 'teams')),
      integrations: [],
      alert_creation: 'create_alerts_and_incidents',
    };
  }

  function incident(i: SimIncident, includeAssignees: boolean) {
    const status = statusOf(i);
    const s = find(data.services, i.serviceId)!;
    const people = i.assigneeIds.map(userById);
    const lastChange = i.resolvedAt ?? i.acknowledgedAt ?? i.createdAt;
    return {
      ...ref('incident', i.id, `[#${i.number}] ${i.title}`, 'incidents', 'incidents'),
      type: 'incident',
      incident_number: i.number,
      title: i.title,
      created_at: iso(i.createdAt),
      updated_at: iso(lastChange),
      status,
      incident_key: `${i.serviceId.toLowerCase()}-${i.number}`,
      service: serviceRef(i.serviceId),
      // As PagerDuty documents: assignments and acknowledgements are emptied on resolve.
      assignments: status === 'resolved' ? [] : people.map((u) => ({ at: iso(i.createdAt), assignee: includeAssignees ? user(u) : userRef(u) })),
      acknowledgements: status === 'acknowledged' ? people.map((u) => ({ at: iso(i.acknowledgedAt!), acknowledger: userRef(u) })) : [],
      assigned_via: 'escalation_policy',
      last_status_change_at: iso(lastChange),
      resolved_at: i.resolvedAt !== undefined ? iso(i.resolvedAt) : null,
      escalation_policy: policyRef(s.escalationPolicyId),
      teams: s.teamIds.map((t) => ref('team', t, find(data.teams, t)?.name ?? t, 'teams', 'teams')),
      pending_actions: [],
      alert_counts: { all: 1, triggered: status === 'resolved' ? 0 : 1, resolved: status === 'resolved' ? 1 : 0 },
      is_mergeable: true,
      urgency: i.urgency,
      priority: i.priority ? { id: `PRIO${i.priority}`, type: 'priority', summary: i.priority, self: `${data.apiUrl}/priorities/PRIO${i.priority}`, html_url: null, name: i.priority, description: '' } : undefined,
    };
  }

  /** trigger / acknowledge / resolve entries of one incident, oldest first. */
  function logEntries(i: SimIncident) {
    const base = (kind: string, at: number, agent: ReturnType<typeof ref>, channel: string) => ({
      ...ref('log_entry', `R${i.id.slice(1)}${kind[0]!.toUpperCase()}`, '', 'log_entries', `incidents/${i.id}/log_entries`),
      type: `${kind}_log_entry`,
      summary: `${kind[0]!.toUpperCase()}${kind.slice(1)}d by ${agent.summary}`,
      created_at: iso(at),
      agent,
      channel: { type: channel },
      service: serviceRef(i.serviceId),
      incident: ref('incident', i.id, `[#${i.number}] ${i.title}`, 'incidents', 'incidents'),
      teams: [],
      contexts: [],
    });
    const person = userRef(userById(i.assigneeIds[0]!));
    return [
      base('trigger', i.createdAt, serviceRef(i.serviceId), 'api'),
      ...(i.acknowledgedAt !== undefined ? [base('acknowledge', i.acknowledgedAt, person, 'website')] : []),
      ...(i.resolvedAt !== undefined ? [base('resolve', i.resolvedAt, person, 'website')] : []),
    ];
  }

  /** On-call entries of one policy overlapping [since, until], both levels, shift by shift. */
  function onCalls(policyId: string, since: number, until: number, includeUsers: boolean) {
    const policy = find(data.escalationPolicies, policyId)!;
    return policy.scheduleIds.flatMap((scheduleId, level) => {
      const schedule = find(data.schedules, scheduleId)!;
      const entries = [];
      for (let t = since; ; ) {
        const shift = shiftAt(data, schedule, t);
        const u = userById(shift.userId);
        entries.push({
          escalation_policy: policyRef(policyId),
          escalation_level: level + 1,
          schedule: ref('schedule', schedule.id, schedule.name, 'schedules', 'schedules'),
          user: includeUsers ? user(u) : userRef(u),
          start: iso(shift.start),
          end: iso(shift.end),
        });
        if (shift.end > until) break;
        t = shift.end;
      }
      return entries;
    });
  }

  function changeEvent(e: PagerDutyData['changeEvents'][number]) {
    return {
      id: e.id,
      type: 'change_event',
      summary: e.summary,
      timestamp: iso(e.timestamp),
      source: e.source,
      services: e.serviceIds.map((id) => ({ id, type: 'service_reference' })),
      integration: { id: 'PCI0001', type: 'inbound_integration_reference' },
      links: e.links,
      custom_details: {},
    };
  }

  return { user, service, incident, logEntries, onCalls, changeEvent, iso };
}

export type Renderer = ReturnType<typeof createRenderer>;
