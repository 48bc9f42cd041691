import type { IncidentFilter } from './incidentFilter';
import type { ChangeEvent, Incident, IncidentList, IncidentService, OnCallShift, TimeWindow } from './types';

/**
 * One request's view of an incident-management tool: the port the resolvers use. Every method
 * goes through the request's batching (all services, policies and incidents one operation asks
 * about become as few upstream calls as the tool allows) and the shared cache with
 * stale-if-error. PagerDuty is the one adapter today (`sources/pagerduty/`); a second tool
 * (Opsgenie, incident.io) is a new adapter implementing this, and the resolvers do not change.
 */
export interface IncidentsRequestSource {
  /** The tool's name for errors and logs (`pagerduty`). */
  readonly upstream: string;
  /** A service by the tool's id; `null` when the tool has no such service. */
  service(id: string): Promise<IncidentService | null>;
  /** The service's incidents matching the filter, in no particular order (see `pageIncidents`). */
  incidents(serviceId: string, filter: IncidentFilter): Promise<IncidentList>;
  /** One incident by the tool's id; `null` when the tool has no such incident. */
  incident(id: string): Promise<Incident | null>;
  /** Who is on call now on an escalation policy, at every level. */
  onCallForPolicy(policyId: string): Promise<OnCallShift[]>;
  /** A person's current shifts, found by email; `null` when the tool has no user with that email. */
  onCallForUser(email: string): Promise<OnCallShift[] | null>;
  /** A person's shifts overlapping the window (the current one and upcoming ones), found by email; `null` when the tool has no such user. */
  onCallShiftsForUser(email: string, window: TimeWindow): Promise<OnCallShift[] | null>;
  /** Incidents assigned to a person now and matching the filter, found by email, in no particular order; `null` when the tool has no such user. */
  incidentsAssignedTo(email: string, filter: IncidentFilter): Promise<IncidentList | null>;
  /** When the incident was first acknowledged, from its record or the tool's history; `null` when never. */
  firstAcknowledgedAt(incident: Incident): Promise<string | null>;
  /** The change events (deploys, config changes) that touched the service within the window. */
  changeEvents(serviceId: string, window: TimeWindow): Promise<ChangeEvent[]>;
}

/** The process-wide part: holds the client, cache and cross-request batching; hands out per-request views. */
export interface IncidentsSource {
  forRequest(): IncidentsRequestSource;
  close(): Promise<void>;
}
