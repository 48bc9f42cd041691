/**
 * The subset of PagerDuty's REST v2 wire format devgraph reads (see PagerDuty's OpenAPI file,
 * `components.schemas`). Optional where PagerDuty may omit a field or return a reference only.
 */

export interface PdReference {
  id: string;
  type: string;
  summary?: string | null;
  self?: string | null;
  html_url?: string | null;
  /** Present on full objects (a priority, an included escalation policy), not on bare references. */
  name?: string;
}

/** A user as a reference (`user_reference`) or, with `include[]=users`/`assignees`, in full. */
export interface PdUser extends PdReference {
  name?: string;
  email?: string;
}

export interface PdService extends PdReference {
  name: string;
  description?: string | null;
  status: 'active' | 'warning' | 'critical' | 'maintenance' | 'disabled';
  last_incident_timestamp?: string | null;
  escalation_policy: PdReference;
  teams?: PdReference[];
}

export interface PdIncident extends PdReference {
  incident_number: number;
  title: string;
  created_at: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  service: PdReference;
  escalation_policy?: PdReference;
  assignments?: { at: string; assignee: PdUser }[];
  acknowledgements?: { at: string; acknowledger: PdReference }[];
  resolved_at?: string | null;
  priority?: PdReference | null;
}

export interface PdOncall {
  escalation_policy: PdReference;
  user: PdUser;
  schedule?: PdReference | null;
  escalation_level: number;
  start?: string | null;
  end?: string | null;
}

export interface PdLogEntry extends PdReference {
  created_at: string;
  incident?: PdReference;
  service?: PdReference;
}

export interface PdChangeEvent {
  id: string;
  summary: string;
  timestamp: string;
  source?: string;
  services?: PdReference[];
  links?: { href?: string; text?: string }[];
}

/** Query parameters as pdjs takes them: arrays become repeated `key[]=` parameters. */
export type PdQuery = Record<string, string | string[]>;
