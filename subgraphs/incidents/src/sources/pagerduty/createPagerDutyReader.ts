import type { BatchResults, Cache, CachePolicy, Upstream } from '@devgraph/runtime';
import { filterKey, type IncidentFilter } from '../../model/incidentFilter';
import type { ChangeEvent, Incident, IncidentList, IncidentService, OnCallShift, Responder, TimeWindow } from '../../model/types';
import type { PagerDutyClient } from './createPagerDutyClient';
import { createRequestBatcher, type BatchWindow } from './createRequestBatcher';
import { firstAcknowledgements } from './firstAcknowledgements';
import { normaliseChangeEvent } from './normaliseChangeEvent';
import { normaliseIncident } from './normaliseIncident';
import { normaliseOnCallShift } from './normaliseOnCallShift';
import { normaliseService } from './normaliseService';
import { normaliseUser } from './normaliseUser';
import { pagerDutyCachePolicies, type PagerDutyTtls } from './pagerDutyCachePolicies';
import type { PdChangeEvent, PdIncident, PdLogEntry, PdOncall, PdQuery, PdService, PdUser } from './pagerDutyWire';
import { incidentsQuery, windowQuery } from './pagerDutyQuery';
import { readInChunks, type Listed } from './readInChunks';
import { readServices } from './readServices';

export interface PagerDutyReaderOptions {
  client: PagerDutyClient;
  upstream: Upstream;
  cache: Cache;
  ttls: PagerDutyTtls;
  /** Most ids in one `service_ids[]`/`escalation_policy_ids[]`/`user_ids[]` query (URL length). */
  chunkSize: number;
  /**
   * When incident and on-call questions collected from concurrent subgraph requests are sent as
   * one call: `fixedBatchWindow(PAGERDUTY_BATCH_WINDOW_MS)` in production, a gate in tests.
   */
  batchWindow: BatchWindow;
}

/**
 * Everything the incidents subgraph asks PagerDuty, cached (stale-if-error, counted by the
 * upstream) and normalised to the model before it is cached. Long-lived: the per-request loaders
 * of createPagerDutySource call it. Incidents and on-calls by policy are also batched ACROSS
 * subgraph requests (see createRequestBatcher), since the gateway splits one operation into
 * several `_entities` requests.
 */
export interface PagerDutyReader {
  service(id: string): Promise<IncidentService | null>;
  /** Services by id from the account's cached service list, `/services/{id}` for one it lacks (readServices). */
  services(ids: readonly string[]): Promise<BatchResults<IncidentService>>;
  incidents(filter: IncidentFilter, serviceId: string): Promise<IncidentList>;
  incident(id: string): Promise<Incident | null>;
  onCallsForPolicy(policyId: string): Promise<OnCallShift[]>;
  onCallsByUser(userIds: readonly string[]): Promise<BatchResults<OnCallShift[]>>;
  /** Shifts of these users overlapping the window (current and upcoming), one call per chunk of users. */
  onCallsByUserInWindow(userIds: readonly string[], window: TimeWindow): Promise<BatchResults<OnCallShift[]>>;
  /** Incidents currently assigned to these users and matching the filter, one call per chunk of users. */
  incidentsByAssignee(userIds: readonly string[], filter: IncidentFilter): Promise<BatchResults<IncidentList>>;
  userByEmail(email: string): Promise<Responder | null>;
  /** First acknowledgement time per incident id, from the account's log entries in the window. */
  acknowledgements(window: TimeWindow): Promise<Record<string, string>>;
  /** Every change event of the account in the window (PagerDuty has no per-service filter). */
  changeEvents(window: TimeWindow): Promise<ChangeEvent[]>;
}

export function createPagerDutyReader(options: PagerDutyReaderOptions): PagerDutyReader {
  const { client, upstream, cache, chunkSize } = options;
  const policies = pagerDutyCachePolicies(options.ttls);
  const read = async <T>(policy: CachePolicy, key: string, load: () => Promise<T>) => (await upstream.cached(cache, policy, key, load)).value;

  /** One service by id, for an id the service list lacks; a 404 is cached as `null`. */
  const service = (id: string) =>
    read(policies.services, id, async () => {
      const found = await client.get<PdService>(`/services/${encodeURIComponent(id)}`, 'service', {}, 'service');
      return found && normaliseService(found);
    });

  const listed = <W, T>(list: Promise<Listed<W>>, normalise: (wire: W) => T): Promise<Listed<T>> =>
    list.then(({ items, truncated }) => ({ items: items.map(normalise), truncated }));
  const listOnCalls = (query: PdQuery) =>
    listed(client.list<PdOncall>('/oncalls', 'oncalls', { ...query, 'include[]': ['users'], time_zone: 'UTC' }, 'on-calls'), normaliseOnCallShift);
  const chunked = { upstream, cache, chunkSize };
  const itemsOnly = (results: BatchResults<Listed<OnCallShift>>): Map<string, OnCallShift[] | Error> =>
    new Map([...results].map(([id, r]) => [id, r instanceof Error ? r : (r?.items ?? [])]));

  /** Incident lists per (filter, service): questions with the same filter share one call per chunk. */
  const incidentsAcrossRequests = createRequestBatcher<{ filter: IncidentFilter; serviceId: string }, IncidentList>(
    async (keys) => {
      const results = new Map<string, IncidentList | Error>();
      const byFilter = new Map<string, { filter: IncidentFilter; ids: string[] }>();
      for (const { filter, serviceId } of keys) {
        const group = byFilter.get(filterKey(filter)) ?? { filter, ids: [] };
        group.ids.push(serviceId);
        byFilter.set(filterKey(filter), group);
      }
      await Promise.all(
        [...byFilter].map(async ([question, { filter, ids }]) => {
          const lists = await readInChunks(ids, {
            ...chunked,
            policy: policies.incidents,
            question,
            load: (chunk) =>
              listed(client.list<PdIncident>('/incidents', 'incidents', { ...incidentsQuery(filter), 'service_ids[]': chunk, 'include[]': ['assignees'] }, 'incidents'), normaliseIncident),
            idsOf: (incident) => [incident.serviceId],
          });
          for (const [id, list] of lists) results.set(`${question}|${id}`, list ?? { items: [], truncated: false, stale: false, fetchedAt: null });
        }),
      );
      return results;
    },
    { window: options.batchWindow, keyOf: (k) => `${filterKey(k.filter)}|${k.serviceId}`, name: 'pagerduty.incidents' },
  );

  const onCallsAcrossRequests = createRequestBatcher<string, OnCallShift[]>(
    async (policyIds) =>
      itemsOnly(
        await readInChunks(policyIds, {
          ...chunked,
          policy: policies.onCall,
          question: 'policies',
          load: (chunk) => listOnCalls({ 'escalation_policy_ids[]': chunk }),
          idsOf: (shift) => [shift.escalationPolicy.id],
        }),
      ),
    { window: options.batchWindow, keyOf: (id) => id, name: 'pagerduty.onCallsByPolicy' },
  );

  return {
    service,
    services: (ids) => readServices(ids, { client, upstream, cache, listPolicy: policies.serviceList, one: service }),

    incidents: (filter, serviceId) => incidentsAcrossRequests({ filter, serviceId }),

    incident: (id) =>
      read(policies.incident, id, async () => {
        const incident = await client.get<PdIncident>(`/incidents/${encodeURIComponent(id)}`, 'incident', { 'include[]': ['assignees'] }, 'incident');
        return incident && normaliseIncident(incident);
      }),

    onCallsForPolicy: onCallsAcrossRequests,

    onCallsByUser: async (userIds) =>
      itemsOnly(
        await readInChunks(userIds, { ...chunked, policy: policies.onCall, question: 'users', load: (chunk) => listOnCalls({ 'user_ids[]': chunk }), idsOf: (shift) => [shift.user.id] }),
      ),

    onCallsByUserInWindow: async (userIds, window) =>
      itemsOnly(
        await readInChunks(userIds, {
          ...chunked,
          policy: policies.onCall,
          question: `users|${window.since}..${window.until}`,
          load: (chunk) => listOnCalls({ 'user_ids[]': chunk, ...windowQuery(window) }),
          idsOf: (shift) => [shift.user.id],
        }),
      ),

    // An incident assigned to several of the users is listed under each of them.
    incidentsByAssignee: (userIds, filter) =>
      readInChunks(userIds, {
        ...chunked,
        policy: policies.incidents,
        question: `assigned|${filterKey(filter)}`,
        load: (chunk) =>
          listed(client.list<PdIncident>('/incidents', 'incidents', { ...incidentsQuery(filter), 'user_ids[]': chunk, 'include[]': ['assignees'] }, 'incidents'), normaliseIncident),
        idsOf: (incident) => incident.assignees.map((a) => a.id),
      }),

    // `query` matches names and emails by substring; only an exact (case-insensitive) email counts.
    userByEmail: (email) =>
      read(policies.users, email.toLowerCase(), async () => {
        const { items } = await client.list<PdUser>('/users', 'users', { query: email }, 'users by email');
        const user = items.find((u) => u.email?.toLowerCase() === email.toLowerCase());
        return user ? normaliseUser(user) : null;
      }),

    acknowledgements: (window) =>
      read(policies.acknowledgements, `${window.since}..${window.until}`, async () => {
        const { items } = await client.list<PdLogEntry>('/log_entries', 'log_entries', { ...windowQuery(window), is_overview: 'true', time_zone: 'UTC' }, 'log entries');
        return firstAcknowledgements(items);
      }),

    changeEvents: (window) =>
      read(policies.changeEvents, `${window.since}..${window.until}`, async () => {
        const { items } = await client.list<PdChangeEvent>('/change_events', 'change_events', windowQuery(window), 'change events');
        return items.map(normaliseChangeEvent);
      }),
  };
}
