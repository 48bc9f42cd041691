/**
 * The simulator's account: plain records, rendered into PagerDuty's wire format per request
 * (`renderPagerDuty.ts`). Times are epoch ms; an incident's status follows from its times.
 */
export interface SimUser {
  id: string;
  name: string;
  email: string;
  jobTitle?: string;
}

export interface SimTeam {
  id: string;
  name: string;
  /** The catalog group this team mirrors (`group:default/checkout-orders`). */
  groupRef: string;
}

/** A weekly rotation through `userIds`; `offset` shifts who is on (the secondary is the next person). */
export interface SimSchedule {
  id: string;
  name: string;
  userIds: string[];
  offset: number;
}

export interface SimEscalationPolicy {
  id: string;
  name: string;
  teamId: string;
  /** Level n is `scheduleIds[n - 1]`. */
  scheduleIds: string[];
}

export interface SimService {
  id: string;
  name: string;
  description?: string;
  escalationPolicyId: string;
  teamIds: string[];
  createdAt: number;
  /** `maintenance`/`disabled` override the status computed from open incidents. */
  mode?: 'maintenance' | 'disabled';
}

export interface SimIncident {
  id: string;
  number: number;
  title: string;
  serviceId: string;
  urgency: 'high' | 'low';
  priority?: 'P1' | 'P2' | 'P3' | 'P4';
  createdAt: number;
  acknowledgedAt?: number;
  resolvedAt?: number;
  /** Who acknowledged or is assigned; the level-1 on-call when the incident was created. */
  assigneeIds: string[];
}

export interface SimChangeEvent {
  id: string;
  summary: string;
  timestamp: number;
  source: string;
  serviceIds: string[];
  links: { href: string; text: string }[];
}

export interface PagerDutyData {
  /** Where `html_url`s point: the account's web app. */
  webUrl: string;
  /** What `self` links start with: PagerDuty's API host, as the real API answers. */
  apiUrl: string;
  /** Anchor of every weekly rotation (a Monday 09:00 UTC). */
  rotationAnchor: number;
  users: SimUser[];
  teams: SimTeam[];
  schedules: SimSchedule[];
  escalationPolicies: SimEscalationPolicy[];
  services: SimService[];
  incidents: SimIncident[];
  changeEvents: SimChangeEvent[];
}

export const WEEK_MS = 7 * 86_400_000;

export const statusOf = (i: SimIncident): 'triggered' | 'acknowledged' | 'resolved' =>
  i.resolvedAt !== undefined ? 'resolved' : i.acknowledgedAt !== undefined ? 'acknowledged' : 'triggered';

/** Who a schedule has on call at `at`, and that shift's bounds. */
export function shiftAt(data: PagerDutyData, schedule: SimSchedule, at: number): { userId: string; start: number; end: number } {
  const index = Math.floor((at - data.rotationAnchor) / WEEK_MS);
  const n = schedule.userIds.length;
  const userId = schedule.userIds[(((index + schedule.offset) % n) + n) % n]!;
  const start = data.rotationAnchor + index * WEEK_MS;
  return { userId, start, end: start + WEEK_MS };
}

/** A stable PagerDuty-looking id (`P` + 6 characters) for a name, so ids survive a restart. */
export function pagerDutyId(name: string, prefix = 'P'): string {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `${prefix}${hash.toString(36).toUpperCase().padStart(7, '0').slice(-6)}`;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
