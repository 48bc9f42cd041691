import { connectionResolvers, notFound } from '@devgraph/runtime';
import type { Resolvers } from './generated/types';
import type { IncidentsContext } from './context';
import type { ComponentRepresentation, IncidentService } from './model/types';
import { incidentFilter, timeWindow } from './model/incidentFilter';
import { incidentCursor, incidentPageSize, pageIncidents } from './model/pageIncidents';
import { computeIncidentStats } from './model/computeIncidentStats';
import { sortByEscalationLevel } from './model/sortByEscalationLevel';
import { escalationLevelOf } from './model/escalationLevelOf';
import { latestChangeEvents } from './model/latestChangeEvents';
import { byStartThenLevel, upcomingWindow } from './model/upcomingShifts';

const STATS_WINDOW_DAYS = 30;
const CHANGE_EVENTS_WINDOW_DAYS = 7;

/**
 * The component's service, or null when it has no `pagerduty.com/service-id`. An id the tool
 * does not know is NOT_FOUND on this component's field only: checking it here keeps a typo in
 * one catalog file from failing the batched incidents call of every other component.
 */
async function serviceOf(component: ComponentRepresentation, ctx: IncidentsContext): Promise<IncidentService | null> {
  const id = component.pagerdutyServiceId;
  if (!id) return null;
  const service = await ctx.source.service(id);
  if (!service) {
    throw notFound(`PagerDuty service "${id}" (the pagerduty.com/service-id annotation of ${component.ref})`, {
      upstream: ctx.source.upstream,
      details: { serviceId: id },
    });
  }
  return service;
}

export const resolvers: Resolvers = {
  Query: {
    async incident(_root, { id }, ctx) {
      const incident = await ctx.source.incident(id);
      if (!incident) throw notFound(`PagerDuty incident "${id}"`, { upstream: ctx.source.upstream, details: { incidentId: id } });
      return incident;
    },
  },
  Component: {
    async incidents(component, args, ctx) {
      // Arguments are checked before any upstream call, so a bad cursor costs nothing.
      const filter = incidentFilter(args, ctx.now);
      const first = incidentPageSize(args.first);
      if (args.after) incidentCursor.decode(args.after);
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      return pageIncidents(await ctx.source.incidents(service.id, filter), first, args.after);
    },
    async onCall(component, _args, ctx) {
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      if (!service.escalationPolicy) return [];
      return sortByEscalationLevel(await ctx.source.onCallForPolicy(service.escalationPolicy.id));
    },
    pagerdutyService: (component, _args, ctx) => serviceOf(component, ctx),
    async incidentStats(component, args, ctx) {
      const window = timeWindow({ since: args.since }, ctx.now, STATS_WINDOW_DAYS);
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      // The same filter `incidents(since:)` would use for all statuses: one upstream call for both.
      const list = await ctx.source.incidents(service.id, incidentFilter(window, ctx.now));
      const acks = await Promise.all(list.items.map((incident) => ctx.source.firstAcknowledgedAt(incident)));
      const firstAck = new Map(list.items.map((incident, i) => [incident.id, acks[i] ?? null]));
      return computeIncidentStats(list.items, firstAck, { ...window, truncated: list.truncated, stale: list.stale, fetchedAt: list.fetchedAt });
    },
    async changeEvents(component, args, ctx) {
      const window = timeWindow({ since: args.since }, ctx.now, CHANGE_EVENTS_WINDOW_DAYS);
      const service = await serviceOf(component, ctx);
      if (!service) return null;
      return latestChangeEvents(await ctx.source.changeEvents(service.id, window), args.first);
    },
  },
  User: {
    async onCall(user, _args, ctx) {
      if (!user.email) return null;
      const shifts = await ctx.source.onCallForUser(user.email);
      return shifts && sortByEscalationLevel(shifts);
    },
    async onCallShifts(user, args, ctx) {
      const window = upcomingWindow(args.days, ctx.now);
      if (!user.email) return null;
      const shifts = await ctx.source.onCallShiftsForUser(user.email, window);
      return shifts && byStartThenLevel(shifts);
    },
    async assignedIncidents(user, args, ctx) {
      // Arguments are checked before any upstream call, as for Component.incidents.
      const filter = incidentFilter({ statuses: args.statuses }, ctx.now);
      const first = incidentPageSize(args.first);
      if (args.after) incidentCursor.decode(args.after);
      if (!user.email) return null;
      const list = await ctx.source.incidentsAssignedTo(user.email, filter);
      return list && pageIncidents(list, first, args.after);
    },
  },
  Incident: {
    acknowledgedAt: (incident, _args, ctx) => (incident.status === 'TRIGGERED' ? null : ctx.source.firstAcknowledgedAt(incident)),
    service: (incident, _args, ctx) => ctx.source.service(incident.serviceId),
    async escalationLevel(incident, _args, ctx) {
      // A resolved incident has no current assignee; without a policy or an assignee there is no level.
      if (incident.status === 'RESOLVED' || !incident.escalationPolicyId || incident.assignees.length === 0) return null;
      return escalationLevelOf(incident.assignees, await ctx.source.onCallForPolicy(incident.escalationPolicyId));
    },
  },
  IncidentConnection: {
    ...connectionResolvers(),
    truncated: (page) => page.truncated,
    stale: (page) => page.stale,
    fetchedAt: (page) => page.fetchedAt,
  },
};
