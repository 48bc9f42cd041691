import { cached, type BatchResults, type Cache, type CachePolicy } from '@devgraph/runtime';
import { createRequestBatcher, type BatchWindow } from './createRequestBatcher';
import type { PagerDutyClient, PdList } from './pagerduty/createPagerDutyClient';
import type { PdChangeEvent, PdIncident, PdLogEntry, PdOncall, PdQuery, PdService, PdUser } from './pagerduty/types';
import { filterKey, filterQuery, type IncidentFilter } from '../model/incidentFilter';
import { pagerDutyCachePolicies, type PagerDutyTtls } from './pagerDutyCachePolicies';

export interface PagerDutySourceOptions {
  client: PagerDutyClient;
  cache: Cache;
  ttls: PagerDutyTtls;
  /** Most ids in one `service_ids[]`/`escalation_policy_ids[]`/`user_ids[]` query (URL length). */
  chunkSize: number;
  /**
   * When incident and on-call questions collected from concurrent subgraph requests are sent as
   * one call: `fixedBatchWindow(PAGERDUTY_BATCH_WINDOW_MS)` in production.
   */
  batchWindow: BatchWindow;
}

export type IncidentList = PdList<PdIncident>;
export interface TimeWindow {
  since: string;
  until: string;
}

/**
 * Everything the incidents subgraph asks PagerDuty, batched and cached. Batch methods take many
 * ids and make one list call per chunk of `chunkSize` ids; each chunk is cached on its own (key:
 * the question plus the sorted ids), so a repeated dashboard is served from the cache and one
 * failing chunk fails only its own ids. A long-lived object: per-request DataLoaders call it.
 */
export interface PagerDutySource {
  services(ids: readonly string[]): Promise<BatchResults<PdService>>;
  incidents(filter: IncidentFilter, serviceIds: readonly string[]): Promise<BatchResults<IncidentList>>;
  incident(id: string): Promise<PdIncident | null>;
  onCallsByPolicy(policyIds: readonly string[]): Promise<BatchResults<PdOncall[]>>;
  onCallsByUser(userIds: readonly string[]): Promise<BatchResults<PdOncall[]>>;
  usersByEmail(emails: readonly string[]): Promise<BatchResults<PdUser>>;
  /** First acknowledgement time per incident id, from the log entries in the window. */
  acknowledgements(window: TimeWindow): Promise<{ firstAck: Record<string, string>; truncated: boolean }>;
  changeEvents(window: TimeWindow): Promise<PdList<PdChangeEvent>>;
}

export function createPagerDutySource(options: PagerDutySourceOptions): PagerDutySource {
  const { client, cache, chunkSize } = options;
  const policies = pagerDutyCachePolicies(options.ttls);
  const read = async <T>(policy: CachePolicy, key: string, load: () => Promise<T>) => (await cached(cache, policy, key, load)).value;

  /** One cached list call per chunk of ids; results spread back per id by `idsOf(item)`. */
  async function batched<T>(
    ids: readonly string[],
    policy: CachePolicy,
    question: string,
    load: (chunk: string[]) => Promise<PdList<T>>,
    idsOf: (item: T) => string[],
  ): Promise<BatchResults<PdList<T>>> {
    const results: BatchResults<PdList<T>> = new Map();
    const unique = [...new Set(ids)].sort();
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += chunkSize) chunks.push(unique.slice(i, i + chunkSize));
    await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const list = await read(policy, `${question}|${chunk.join(',')}`, () => load(chunk));
          const byId = new Map(chunk.map((id) => [id, { items: [] as T[], truncated: list.truncated }]));
          for (const item of list.items) for (const id of idsOf(item)) byId.get(id)?.items.push(item);
          for (const [id, value] of byId) results.set(id, value);
        } catch (error) {
          for (const id of chunk) results.set(id, error as Error);
        }
      }),
    );
    return results;
  }

  async function each<T>(keys: readonly string[], load: (key: string) => Promise<T | null>): Promise<BatchResults<T>> {
    const results: BatchResults<T> = new Map();
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        try {
          results.set(key, await load(key));
        } catch (error) {
          results.set(key, error as Error);
        }
      }),
    );
    return results;
  }

  /** Per-id promises back into a batch result, an error failing only its own id. */
  async function collect<V>(ids: readonly string[], load: (id: string) => Promise<V>): Promise<BatchResults<V>> {
    const unique = [...new Set(ids)];
    const settled = await Promise.allSettled(unique.map(load));
    return new Map(unique.map((id, i) => {
      const outcome = settled[i]!;
      return [id, outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error)];
    }));
  }

  const listOnCalls = (query: PdQuery) => client.list<PdOncall>('/oncalls', 'oncalls', { ...query, 'include[]': ['users'], time_zone: 'UTC' }, 'on-calls');
  const itemsOnly = (results: BatchResults<PdList<PdOncall>>): BatchResults<PdOncall[]> =>
    new Map([...results].map(([id, r]) => [id, r instanceof Error || r === null ? r : r.items]));

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
          const lists = await batched(
            ids,
            policies.incidents,
            question,
            (chunk) => client.list<PdIncident>('/incidents', 'incidents', { ...filterQuery(filter), 'service_ids[]': chunk, 'include[]': ['assignees'] }, 'incidents'),
            (incident) => [incident.service.id],
          );
          for (const [id, list] of lists) results.set(`${question}|${id}`, list ?? { items: [], truncated: false });
        }),
      );
      return results;
    },
    { window: options.batchWindow, keyOf: (k) => `${filterKey(k.filter)}|${k.serviceId}`, name: 'pagerduty.incidents' },
  );

  const onCallsAcrossRequests = createRequestBatcher<string, PdOncall[]>(
    async (policyIds) => {
      const lists = await batched(policyIds, policies.onCall, 'policies', (chunk) => listOnCalls({ 'escalation_policy_ids[]': chunk }), (o) => [o.escalation_policy.id]);
      return new Map([...lists].map(([id, list]) => [id, list instanceof Error ? list : (list?.items ?? [])]));
    },
    { window: options.batchWindow, keyOf: (id) => id, name: 'pagerduty.onCallsByPolicy' },
  );

  return {
    // PagerDuty has no "services by ids" list, so services are read one by one; they are cached
    // for minutes, which makes this a cold-start cost only.
    services: (ids) =>
      each(ids, (id) => read(policies.services, id, () => client.get<PdService>(`/services/${encodeURIComponent(id)}`, 'service', {}, 'service'))),

    incidents: (filter, serviceIds) => collect(serviceIds, (serviceId) => incidentsAcrossRequests({ filter, serviceId })),

    incident: (id) =>
      read(policies.incident, id, () => client.get<PdIncident>(`/incidents/${encodeURIComponent(id)}`, 'incident', { 'include[]': ['assignees'] }, 'incident')),

    onCallsByPolicy: (policyIds) => collect(policyIds, onCallsAcrossRequests),

    onCallsByUser: async (userIds) =>
      itemsOnly(await batched(userIds, policies.onCall, 'users', (chunk) => listOnCalls({ 'user_ids[]': chunk }), (o) => [o.user.id])),

    // `query` matches names and emails by substring; only an exact (case-insensitive) email counts.
    usersByEmail: (emails) =>
      each(emails, (email) =>
        read(policies.users, email.toLowerCase(), async () => {
          const { items } = await client.list<PdUser>('/users', 'users', { query: email }, 'users by email');
          return items.find((u) => u.email?.toLowerCase() === email.toLowerCase()) ?? null;
        }),
      ),

    acknowledgements: (window) =>
      read(policies.acknowledgements, `${window.since}..${window.until}`, async () => {
        const { items, truncated } = await client.list<PdLogEntry>(
          '/log_entries',
          'log_entries',
          { since: window.since, until: window.until, is_overview: 'true', time_zone: 'UTC' },
          'log entries',
        );
        const firstAck: Record<string, string> = {};
        for (const entry of items) {
          const id = entry.incident?.id;
          if (entry.type !== 'acknowledge_log_entry' || !id) continue;
          if (!firstAck[id] || entry.created_at < firstAck[id]) firstAck[id] = entry.created_at;
        }
        return { firstAck, truncated };
      }),

    changeEvents: (window) =>
      read(policies.changeEvents, `${window.since}..${window.until}`, () =>
        client.list<PdChangeEvent>('/change_events', 'change_events', { since: window.since, until: window.until }, 'change events'),
      ),
  };
}
