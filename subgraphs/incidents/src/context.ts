import type DataLoader from 'dataloader';
import { createLoader, type BatchResults } from '@devgraph/runtime';
import type { IncidentList, PagerDutySource } from './sources/createPagerDutySource';
import type { PdChangeEvent, PdIncident, PdOncall, PdService, PdUser } from './sources/pagerduty/types';
import { filterKey, roundedNow, type IncidentFilter } from './model/incidentFilter';

export interface IncidentsKey {
  serviceId: string;
  filter: IncidentFilter;
}

export interface ChangeEventsKey {
  serviceId: string;
  since: string;
  until: string;
}

export interface IncidentsContext {
  /** The request's clock, read once so every field of one operation uses the same "now". */
  now: number;
  loaders: {
    service: DataLoader<string, PdService | null, string>;
    /** Keys with the same filter become one `/incidents` call for all their services. */
    incidents: DataLoader<IncidentsKey, IncidentList | null, string>;
    incident: DataLoader<string, PdIncident | null, string>;
    onCallsByPolicy: DataLoader<string, PdOncall[] | null, string>;
    onCallsByUser: DataLoader<string, PdOncall[] | null, string>;
    userByEmail: DataLoader<string, PdUser | null, string>;
    /** When an incident was first acknowledged; one `/log_entries` call covers the whole batch. */
    firstAck: DataLoader<PdIncident, string | null, string>;
    changeEvents: DataLoader<ChangeEventsKey, PdChangeEvent[] | null, string>;
  };
}

const DAY = 86_400_000;

/** Group keys by a question, ask each question once, and index the answers by the loader's key. */
async function byQuestion<K, V>(
  keys: readonly K[],
  questionOf: (key: K) => string,
  keyOf: (key: K) => string,
  ask: (first: K, group: K[]) => Promise<(key: K) => V | Error | null>,
): Promise<BatchResults<V>> {
  const groups = new Map<string, K[]>();
  for (const key of keys) groups.set(questionOf(key), [...(groups.get(questionOf(key)) ?? []), key]);
  const results: BatchResults<V> = new Map();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const answer = await ask(group[0]!, group);
      for (const key of group) results.set(keyOf(key), answer(key));
    }),
  );
  return results;
}

export function createIncidentsContext(source: PagerDutySource, now = Date.now()): IncidentsContext {
  const incidentsKeyOf = (k: IncidentsKey) => `${filterKey(k.filter)}|${k.serviceId}`;
  const changeKeyOf = (k: ChangeEventsKey) => `${k.since}..${k.until}|${k.serviceId}`;
  return {
    now,
    loaders: {
      service: createLoader((ids) => source.services(ids), { name: 'pagerduty.service' }),
      incidents: createLoader<IncidentsKey, IncidentList>(
        (keys) =>
          byQuestion(keys, (k) => filterKey(k.filter), incidentsKeyOf, async (first, group) => {
            const lists = await source.incidents(first.filter, group.map((k) => k.serviceId));
            return (k) => lists.get(k.serviceId) ?? null;
          }),
        { keyOf: incidentsKeyOf, name: 'pagerduty.incidents' },
      ),
      incident: createLoader((ids) => batchEach(ids, (id) => source.incident(id)), { name: 'pagerduty.incident' }),
      onCallsByPolicy: createLoader((ids) => source.onCallsByPolicy(ids), { name: 'pagerduty.onCallsByPolicy' }),
      onCallsByUser: createLoader((ids) => source.onCallsByUser(ids), { name: 'pagerduty.onCallsByUser' }),
      userByEmail: createLoader((emails) => source.usersByEmail(emails), { name: 'pagerduty.userByEmail' }),
      firstAck: createLoader<PdIncident, string>(
        async (incidents) => {
          const results: BatchResults<string> = new Map();
          // Acknowledgements are listed on the incident only while it is acknowledged; after that
          // the log entries are the record. One window from the oldest incident's day covers all.
          const needLog = incidents.filter((i) => i.status === 'resolved' && !i.acknowledgements?.length);
          for (const i of incidents) results.set(i.id, firstOf(i.acknowledgements?.map((a) => a.at) ?? []));
          if (needLog.length > 0) {
            const since = Math.floor(Math.min(...needLog.map((i) => Date.parse(i.created_at))) / DAY) * DAY;
            try {
              const { firstAck } = await source.acknowledgements({ since: new Date(since).toISOString(), until: new Date(roundedNow(now)).toISOString() });
              for (const i of needLog) results.set(i.id, firstAck[i.id] ?? null);
            } catch (error) {
              for (const i of needLog) results.set(i.id, error as Error);
            }
          }
          return results;
        },
        { keyOf: (i) => i.id, name: 'pagerduty.firstAck' },
      ),
      changeEvents: createLoader<ChangeEventsKey, PdChangeEvent[]>(
        (keys) =>
          byQuestion(keys, (k) => `${k.since}..${k.until}`, changeKeyOf, async (first) => {
            try {
              const { items } = await source.changeEvents({ since: first.since, until: first.until });
              return (k) => items.filter((e) => e.services?.some((s) => s.id === k.serviceId));
            } catch (error) {
              return () => error as Error;
            }
          }),
        { keyOf: changeKeyOf, name: 'pagerduty.changeEvents' },
      ),
    },
  };
}

const firstOf = (times: string[]) => (times.length ? times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null);

async function batchEach<V>(keys: readonly string[], load: (key: string) => Promise<V | null>): Promise<BatchResults<V>> {
  const results: BatchResults<V> = new Map();
  await Promise.all(keys.map(async (key) => results.set(key, await load(key).catch((error: unknown) => error as Error))));
  return results;
}
