import express, { type Request, type Response, type Router } from 'express';
import { statusOf, type PagerDutyData } from './PagerDutyData';
import { createRenderer } from './renderPagerDuty';

export interface PagerDutyApiOptions {
  /** The only API key accepted (`Authorization: Token token=<token>`). */
  token: string;
  /** The simulator's clock (tests pin it). */
  now: () => number;
}

const MONTH = 30 * 86_400_000;
/** PagerDuty's error bodies and codes (https://developer.pagerduty.com/docs/rest-api-v2/errors/). */
const errors = {
  invalidInput: (res: Response, details: string[]) => res.status(400).json({ error: { message: 'Invalid Input Provided', code: 2001, errors: details } }),
  unauthorized: (res: Response) => res.status(401).json({ error: { message: 'Invalid Credentials', code: 2006, errors: ['Authentication Required'] } }),
  notFound: (res: Response) => res.status(404).json({ error: { message: 'Not Found', code: 2100 } }),
};

/** What `GET /services` may `include[]`, per PagerDuty's reference. */
const SERVICE_INCLUDES = ['escalation_policies', 'teams', 'integrations', 'auto_pause_notifications_parameters'];

/** `key[]` parameters as a list, whether sent once, repeated, or (leniently) without brackets. */
const list = (req: Request, key: string): string[] => {
  const value = req.query[`${key}[]`] ?? req.query[key];
  return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
};
const one = (req: Request, key: string) => (typeof req.query[key] === 'string' ? (req.query[key] as string) : undefined);

/** PagerDuty's classic paging envelope: `limit` (max 100, default 25), `offset`, `more`, `total`. */
function page<T>(req: Request, res: Response, key: string, items: T[]): void {
  const limit = Math.min(100, Math.max(1, Number(one(req, 'limit') ?? 25) || 25));
  const offset = Math.max(0, Number(one(req, 'offset') ?? 0) || 0);
  res.json({
    [key]: items.slice(offset, offset + limit),
    limit,
    offset,
    more: offset + limit < items.length,
    total: one(req, 'total') === 'true' ? items.length : null,
  });
}

/** since/until as PagerDuty reads them: defaults, order, and its 6-month maximum where it has one. */
function window(req: Request, res: Response, now: number, defaultSpan: number, maxMonths?: number): { since: number; until: number } | undefined {
  const until = one(req, 'until') ? Date.parse(one(req, 'until')!) : now;
  const since = one(req, 'since') ? Date.parse(one(req, 'since')!) : until - defaultSpan;
  if (Number.isNaN(since) || Number.isNaN(until)) return void errors.invalidInput(res, ['since and until must be ISO 8601 date-times']);
  if (since > until) return void errors.invalidInput(res, ['since must be before until']);
  if (maxMonths) {
    const earliest = new Date(until);
    earliest.setUTCMonth(earliest.getUTCMonth() - maxMonths);
    if (since < earliest.getTime()) return void errors.invalidInput(res, [`The date range cannot be longer than ${maxMonths} months`]);
  }
  return { since, until };
}

/** The REST API v2 endpoints devgraph reads, over the simulator's account. */
export function createPagerDutyApi(data: PagerDutyData, options: PagerDutyApiOptions): Router {
  const render = createRenderer(data);
  const router = express.Router();

  router.use((req, res, next) => {
    if (req.headers.authorization !== `Token token=${options.token}`) return void errors.unauthorized(res);
    next();
  });

  router.get('/incidents', (req, res) => {
    const now = options.now();
    const statuses = list(req, 'statuses');
    const urgencies = list(req, 'urgencies');
    const bad = [...statuses.filter((s) => !['triggered', 'acknowledged', 'resolved'].includes(s)), ...urgencies.filter((u) => !['high', 'low'].includes(u))];
    if (bad.length) return void errors.invalidInput(res, bad.map((v) => `${v} is not a valid status or urgency`));
    const all = one(req, 'date_range') === 'all';
    const span = all ? { since: -Infinity, until: Infinity } : window(req, res, now, MONTH, 6);
    if (!span) return;
    const serviceIds = list(req, 'service_ids');
    // As PagerDuty: incidents currently assigned to one of these users, so never resolved ones.
    const userIds = list(req, 'user_ids');
    const include = list(req, 'include');
    const matches = data.incidents.filter(
      (i) =>
        i.createdAt <= now &&
        i.createdAt >= span.since &&
        i.createdAt < span.until &&
        (serviceIds.length === 0 || serviceIds.includes(i.serviceId)) &&
        (userIds.length === 0 || (statusOf(i) !== 'resolved' && i.assigneeIds.some((id) => userIds.includes(id)))) &&
        (statuses.length === 0 || statuses.includes(statusOf(i))) &&
        (urgencies.length === 0 || urgencies.includes(i.urgency)),
    );
    page(req, res, 'incidents', matches.map((i) => render.incident(i, include.includes('assignees'))));
  });

  router.get('/incidents/:id', (req, res) => {
    const incident = data.incidents.find((i) => i.id === req.params.id && i.createdAt <= options.now());
    if (!incident) return void errors.notFound(res);
    res.json({ incident: render.incident(incident, list(req, 'include').includes('assignees')) });
  });

  router.get('/incidents/:id/log_entries', (req, res) => {
    const incident = data.incidents.find((i) => i.id === req.params.id);
    if (!incident) return void errors.notFound(res);
    page(req, res, 'log_entries', render.logEntries(incident).filter((e) => Date.parse(e.created_at) <= options.now()));
  });

  router.get('/log_entries', (req, res) => {
    const span = window(req, res, options.now(), MONTH);
    if (!span) return;
    const entries = data.incidents
      .flatMap((i) => render.logEntries(i))
      .filter((e) => Date.parse(e.created_at) >= span.since && Date.parse(e.created_at) < span.until && Date.parse(e.created_at) <= options.now())
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    page(req, res, 'log_entries', entries);
  });

  router.get('/oncalls', (req, res) => {
    const now = options.now();
    const span = window(req, res, now, 0, 3);
    if (!span) return;
    const policyIds = list(req, 'escalation_policy_ids');
    const userIds = list(req, 'user_ids');
    const scheduleIds = list(req, 'schedule_ids');
    const includeUsers = list(req, 'include').includes('users');
    const entries = data.escalationPolicies
      .filter((p) => policyIds.length === 0 || policyIds.includes(p.id))
      .flatMap((p) => render.onCalls(p.id, span.since, span.until, includeUsers))
      .filter((o) => (userIds.length === 0 || userIds.includes(o.user.id)) && (scheduleIds.length === 0 || scheduleIds.includes(o.schedule.id)));
    page(req, res, 'oncalls', entries);
  });

  // As PagerDuty: every service of the account, by name, paged; `query` matches names, `team_ids[]`
  // narrows to teams. `include[]` is checked but references stay references (devgraph asks for none).
  router.get('/services', (req, res) => {
    const sortBy = one(req, 'sort_by') ?? 'name';
    const includes = list(req, 'include');
    const bad = [
      ...(['name', 'name:asc', 'name:desc'].includes(sortBy) ? [] : [`${sortBy} is not a valid sort_by`]),
      ...includes.filter((i) => !SERVICE_INCLUDES.includes(i)).map((i) => `${i} is not a valid include`),
    ];
    if (bad.length) return void errors.invalidInput(res, bad);
    const query = (one(req, 'query') ?? '').toLowerCase();
    const teamIds = list(req, 'team_ids');
    const services = data.services
      .filter((s) => (!query || s.name.toLowerCase().includes(query)) && (teamIds.length === 0 || s.teamIds.some((t) => teamIds.includes(t))))
      .sort((a, b) => a.name.localeCompare(b.name) * (sortBy === 'name:desc' ? -1 : 1));
    const now = options.now();
    page(req, res, 'services', services.map((s) => render.service(s.id, now)));
  });

  router.get('/services/:id', (req, res) => {
    if (!data.services.some((s) => s.id === req.params.id)) return void errors.notFound(res);
    res.json({ service: render.service(req.params.id, options.now()) });
  });

  router.get('/change_events', (req, res) => {
    const span = window(req, res, options.now(), MONTH);
    if (!span) return;
    const events = data.changeEvents.filter((e) => e.timestamp >= span.since && e.timestamp < span.until).sort((a, b) => b.timestamp - a.timestamp);
    page(req, res, 'change_events', events.map(render.changeEvent));
  });

  router.get('/users', (req, res) => {
    const query = (one(req, 'query') ?? '').toLowerCase();
    const users = data.users.filter((u) => !query || u.name.toLowerCase().includes(query) || u.email.toLowerCase().includes(query));
    page(req, res, 'users', users.map(render.user));
  });

  router.use((_req, res) => void errors.notFound(res));
  return router;
}
