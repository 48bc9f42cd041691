import { badUserInput, connectionResolvers, notFound } from '@devgraph/runtime';
import type { Resolvers } from './generated/types';
import type { IncidentsContext } from './context';
import type { ComponentRepresentation, PdIncident, PdOncall, PdReference, PdService } from './model/types';
import { incidentFilter, timeWindow } from './model/incidentFilter';
import { MAX_INCIDENTS_PAGE, decodeIncidentCursor, pageOf } from './model/incidentCursor';
import { computeIncidentStats } from './model/computeIncidentStats';
import { DateTimeScalar } from './model/dateTimeScalar';

const STATS_WINDOW_DAYS = 30;
const CHANGE_EVENTS_WINDOW_DAYS = 7;
const MAX_CHANGE_EVENTS = 500;

/**
 * The component's PagerDuty service, or null when it has no `pagerduty.com/service-id`. An id
 * PagerDuty does not know is NOT_FOUND on this component's field only: checking it here keeps a
 * typo in one catalog file from failing the batched `/incidents` call of every other component.
 */
async function serviceOf(component: ComponentRepresentation, ctx: IncidentsContext): Promise<PdService | null> {
  const id = component.pagerdutyServiceId;
  if (!id) return null;
  const service = await ctx.loaders.service.load(id);
  if (!service) {
    throw notFound(`PagerDuty service "${id}" (the pagerduty.com/service-id annotation of ${component.ref})`, {
      upstream: 'pagerduty',
      details: { serviceId: id },
    });
  }
  return service;
}

const newestFirst = (a: PdIncident, b: PdIncident) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.incident_number - a.incident_number;
const byLevel = (a: PdOncall, b: PdOncall) => a.escalation_level - b.escalation_level || (a.start ?? '').localeCompare(b.start ?? '') || a.user.id.localeCompare(b.user.id);
const referenceFields = {
  id: (r: PdReference) => r.id,
  name: (r: PdReference & { name?: string }) => r.name ?? r.summary ?? null,
  url: (r: PdReference) => r.html_url ?? null,
};

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    async incident(_root, { id }, ctx) {
      const incident = await ctx.loaders.incident.load(id);
      if (!incident) throw notFound(`PagerDuty incident "${id}"`, { upstream: 'pagerduty', details: { incidentId: id } });
      return incident;
    },
  },
  Component: {
    async incidents(component, args, ctx) {
      // Arguments are checked before any upstream call, so a bad cursor costs nothing.
      const filter = incidentFilter(args, ctx.now);
      const first = args.first ?? 20;
      if (first < 0 || first > MAX_INCIDENTS_PAGE) throw badUserInput(`first must be between 0 and ${MAX_INCIDENTS_PAGE}, got ${first}.`, { first });
      if (args.after) decodeIncidentCursor(args.after);
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      const list = await ctx.loaders.incidents.load({ serviceId: service.id, filter });
      const sorted = [...(list?.items ?? [])].sort(newestFirst);
      return pageOf(sorted, first, args.after, list?.truncated ?? false);
    },
    async onCall(component, _args, ctx) {
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      const onCalls = await ctx.loaders.onCallsByPolicy.load(service.escalation_policy.id);
      return [...(onCalls ?? [])].sort(byLevel);
    },
    pagerdutyService: (component, _args, ctx) => serviceOf(component, ctx),
    async incidentStats(component, args, ctx) {
      const window = timeWindow({ since: args.since }, ctx.now, STATS_WINDOW_DAYS);
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      // The same filter `incidents(since:)` would use for all statuses: one upstream call for both.
      const list = await ctx.loaders.incidents.load({ serviceId: service.id, filter: incidentFilter({ since: window.since, until: window.until }, ctx.now) });
      const incidents = list?.items ?? [];
      const acks = await ctx.loaders.firstAck.loadMany(incidents);
      const firstAck = new Map<string, string | null>();
      for (const [i, incident] of incidents.entries()) {
        const ack = acks[i];
        if (ack instanceof Error) throw ack;
        firstAck.set(incident.id, ack ?? null);
      }
      return computeIncidentStats(incidents, firstAck, { ...window, truncated: list?.truncated ?? false });
    },
    async changeEvents(component, args, ctx) {
      const window = timeWindow({ since: args.since }, ctx.now, CHANGE_EVENTS_WINDOW_DAYS);
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      const events = (await ctx.loaders.changeEvents.load({ serviceId: service.id, ...window })) ?? [];
      const first = Math.max(0, Math.min(args.first ?? 50, MAX_CHANGE_EVENTS));
      return [...events].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp)).slice(0, first);
    },
  },
  User: {
    async onCall(user, _args, ctx) {
      if (!user.email) return null;
      const pdUser = await ctx.loaders.userByEmail.load(user.email);
      if (!pdUser) return null;
      return [...((await ctx.loaders.onCallsByUser.load(pdUser.id)) ?? [])].sort(byLevel);
    },
  },
  Incident: {
    id: (i) => i.id,
    number: (i) => i.incident_number,
    title: (i) => i.title,
    status: (i) => i.status.toUpperCase() as 'TRIGGERED' | 'ACKNOWLEDGED' | 'RESOLVED',
    urgency: (i) => i.urgency.toUpperCase() as 'HIGH' | 'LOW',
    priority: (i) => i.priority?.name ?? i.priority?.summary ?? null,
    createdAt: (i) => i.created_at,
    acknowledgedAt: (i, _args, ctx) => (i.status === 'triggered' ? null : ctx.loaders.firstAck.load(i)),
    resolvedAt: (i) => (i.status === 'resolved' ? (i.resolved_at ?? null) : null),
    url: (i) => i.html_url ?? null,
    service: (i, _args, ctx) => ctx.loaders.service.load(i.service.id),
    assignees: (i) => (i.assignments ?? []).map((a) => a.assignee),
    async escalationLevel(i, _args, ctx) {
      const policyId = i.escalation_policy?.id;
      const assignees = new Set((i.assignments ?? []).map((a) => a.assignee.id));
      if (i.status === 'resolved' || !policyId || assignees.size === 0) return null;
      const levels = ((await ctx.loaders.onCallsByPolicy.load(policyId)) ?? []).filter((o) => assignees.has(o.user.id)).map((o) => o.escalation_level);
      return levels.length ? Math.min(...levels) : null;
    },
  },
  IncidentConnection: {
    ...connectionResolvers(),
    truncated: (page) => page.truncated,
  },
  PagerDutyService: {
    id: (s) => s.id,
    name: (s) => s.name,
    description: (s) => s.description ?? null,
    status: (s) => s.status.toUpperCase() as 'ACTIVE' | 'WARNING' | 'CRITICAL' | 'MAINTENANCE' | 'DISABLED',
    escalationPolicy: (s) => s.escalation_policy ?? null,
    teams: (s) => s.teams ?? [],
    lastIncidentAt: (s) => s.last_incident_timestamp ?? null,
    url: (s) => s.html_url ?? null,
  },
  PagerDutyUser: {
    id: (u) => u.id,
    name: (u) => u.name ?? u.summary ?? null,
    email: (u) => u.email ?? null,
    url: (u) => u.html_url ?? null,
  },
  OnCallShift: {
    escalationLevel: (o) => o.escalation_level,
    start: (o) => o.start ?? null,
    end: (o) => o.end ?? null,
    user: (o) => o.user,
    escalationPolicy: (o) => o.escalation_policy,
    schedule: (o) => o.schedule ?? null,
  },
  EscalationPolicy: referenceFields,
  PagerDutyTeam: referenceFields,
  PagerDutySchedule: referenceFields,
  PagerDutyChangeEvent: {
    id: (e) => e.id,
    summary: (e) => e.summary,
    timestamp: (e) => e.timestamp,
    source: (e) => e.source ?? null,
    links: (e) => (e.links ?? []).filter((l): l is { href: string; text?: string } => typeof l.href === 'string').map((l) => ({ href: l.href, text: l.text ?? null })),
  },
};
