import type { ConnectionPage } from '@devgraph/runtime';
import type * as Gql from '../generated/types';

/**
 * The incidents subgraph's model: incident-management data shaped for devgraph, whatever tool it
 * comes from (PagerDuty today; Opsgenie or incident.io would be another adapter in `sources/`).
 * It is what the shared cache holds (a shape change bumps the adapter's cache version) and what
 * resolvers receive. Dates are ISO-8601 strings as the tool gave them; the shared DateTime scalar
 * serialises them in the one canonical form, and they travel through the cache as JSON.
 *
 * Where a model type has its GraphQL type's shape it is derived from the generated one, so a
 * field added to schema.graphql cannot be forgotten here. Public GraphQL names keep their
 * `PagerDuty` prefix; the model's names are the tool-neutral concepts.
 */

/**
 * A generated output type as the model holds it: every field present, `null` for "none" (never
 * `undefined`, which JSON would drop), no `__typename`.
 */
type Model<T> = { [K in keyof T as K extends '__typename' ? never : K]-?: Exclude<T[K], undefined> };

export type IncidentStatus = Gql.IncidentStatus;
export type IncidentUrgency = Gql.IncidentUrgency;
export type ServiceStatus = Gql.PagerDutyServiceStatus;

/** Something the tool names and links to: an escalation policy, a team, a schedule. */
export type ToolReference = Model<Gql.EscalationPolicy>;

/** A person in the tool (assignee, on-call user); `name`/`email` are `null` when it gave a reference only. */
export type Responder = Model<Gql.PagerDutyUser>;

/** A service incidents are raised on, with who it escalates to and the teams that own it. */
export type IncidentService = Omit<Model<Gql.PagerDutyService>, 'escalationPolicy' | 'teams'> & {
  escalationPolicy: ToolReference | null;
  teams: ToolReference[];
};

/**
 * An incident. `service`, `escalationLevel` and the first acknowledgement are looked up through
 * the port when a query selects them, so the incident keeps the ids they are found by.
 */
export type Incident = Omit<Model<Gql.Incident>, 'service' | 'assignees' | 'escalationLevel' | 'acknowledgedAt'> & {
  assignees: Responder[];
  serviceId: string;
  escalationPolicyId: string | null;
  /**
   * The earliest acknowledgement the incident record itself lists. A tool may drop it from the
   * record later (PagerDuty empties it on resolve), so `null` is not "never acknowledged": the
   * port's `firstAcknowledgedAt` has the answer.
   */
  acknowledgedAt: string | null;
};

/** One person on call at one escalation level, for one shift. */
export type OnCallShift = Omit<Model<Gql.OnCallShift>, 'user' | 'escalationPolicy' | 'schedule'> & {
  user: Responder;
  escalationPolicy: ToolReference;
  schedule: ToolReference | null;
};

export type ChangeEventLink = Model<Gql.PagerDutyLink>;

/** A deploy or configuration change the tool recorded, with the services it touched. */
export type ChangeEvent = Omit<Model<Gql.PagerDutyChangeEvent>, 'links'> & {
  links: ChangeEventLink[];
  serviceIds: string[];
};

export type IncidentStatsModel = Model<Gql.IncidentStats>;

/**
 * How old an answer is, the same mark every subgraph gives: `fetchedAt` is when the tool answered
 * (it may come from the cache; `null` for "nothing was asked"), `stale` that it is served past its
 * freshness because the tool failed or was slow.
 */
export interface Freshness {
  stale: boolean;
  fetchedAt: string | null;
}

/** A list as far as devgraph read it: `truncated` when the tool had more than its page cap. */
export interface IncidentList extends Freshness {
  items: Incident[];
  truncated: boolean;
}

/** A page of `Component.incidents`; codegen.yml maps IncidentConnection to it. */
export type IncidentPage = ConnectionPage<Incident> & Freshness & { truncated: boolean };

/** A since/until pair of ISO-8601 instants, `since` before `until`. */
export interface TimeWindow {
  since: string;
  until: string;
}

/** What the gateway sends for a Component: its key plus the catalog field we `@requires`. */
export interface ComponentRepresentation {
  ref: string;
  pagerdutyServiceId?: string | null;
}

/** What the gateway sends for a User: its key plus the catalog's `email`. */
export interface UserRepresentation {
  ref: string;
  email?: string | null;
}
