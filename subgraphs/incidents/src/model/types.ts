import type { PdIncident } from '../sources/pagerduty/types';
import type { IncidentPage } from './incidentCursor';

export type { PdIncident, PdService, PdUser, PdOncall, PdReference, PdChangeEvent } from '../sources/pagerduty/types';
export type { IncidentStatsModel } from './computeIncidentStats';

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

export type IncidentConnectionModel = IncidentPage<PdIncident>;
