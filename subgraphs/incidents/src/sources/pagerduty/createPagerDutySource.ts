import { createLoader, type BatchResults } from '@devgraph/runtime';
import { filterKey, roundedNow, type IncidentFilter } from '../../model/incidentFilter';
import type { IncidentsRequestSource, IncidentsSource } from '../../model/IncidentsSource';
import type { ChangeEvent, Incident, IncidentList, IncidentService, OnCallShift, Responder, TimeWindow } from '../../model/types';
import { createPagerDutyReader, type PagerDutyReaderOptions } from './createPagerDutyReader';
import { loadEach } from './loadEach';

/** The reader's options (it gets them as they are) plus the request clock. */
export interface PagerDutySourceOptions extends PagerDutyReaderOptions {
  /** Clock (epoch ms): "now" of the acknowledgement search. */
  now: () => number;
}

interface IncidentsKey {
  serviceId: string;
  filter: IncidentFilter;
}

/** A per-user question asked with a window or a filter (shifts ahead, assigned incidents). */
interface UserKey<Q> {
  userId: string;
  question: Q;
}

interface ChangeEventsKey {
  serviceId: string;
  window: TimeWindow;
}

const DAY = 86_400_000;
const EMPTY: IncidentList = { items: [], truncated: false, stale: false, fetchedAt: null };
const windowKey = (w: TimeWindow) => `${w.since}..${w.until}`;
const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * PagerDuty as an IncidentsSource. Per request, one DataLoader per question (services, incident
 * lists, incidents, on-calls by policy and by user, users by email, first acknowledgements, change
 * events), so N fields asking the same thing cost one read; the reads themselves are cached and,
 * for incidents and on-calls by policy, batched across requests (createPagerDutyReader).
 */
export function createPagerDutySource(options: PagerDutySourceOptions): IncidentsSource {
  const { upstream } = options;
  const reader = createPagerDutyReader(options);

  function forRequest(): IncidentsRequestSource {
    const now = options.now();
    const incidentsKeyOf = (k: IncidentsKey) => `${filterKey(k.filter)}|${k.serviceId}`;
    const changeKeyOf = (k: ChangeEventsKey) => `${windowKey(k.window)}|${k.serviceId}`;
    const byId = (id: string) => id;

    const service = createLoader<string, IncidentService>((ids) => reader.services(ids), { name: 'pagerduty.service' });
    const incidents = createLoader<IncidentsKey, IncidentList>((keys) => loadEach(keys, incidentsKeyOf, (k) => reader.incidents(k.filter, k.serviceId)), {
      keyOf: incidentsKeyOf,
      name: 'pagerduty.incidents',
    });
    const incident = createLoader<string, Incident>((ids) => loadEach(ids, byId, reader.incident), { name: 'pagerduty.incident' });
    const onCallsByPolicy = createLoader<string, OnCallShift[]>((ids) => loadEach(ids, byId, reader.onCallsForPolicy), { name: 'pagerduty.onCallsByPolicy' });
    const onCallsByUser = createLoader<string, OnCallShift[]>((ids) => reader.onCallsByUser(ids), { name: 'pagerduty.onCallsByUser' });
    const userByEmail = createLoader<string, Responder>((emails) => loadEach(emails, byId, reader.userByEmail), { name: 'pagerduty.userByEmail' });

    /**
     * Per-user questions that share a window or filter become one reader call for all the users
     * asking it (a dashboard of several people's shifts is one `/oncalls` call).
     */
    const byUser = <Q, V>(name: string, questionKey: (q: Q) => string, read: (userIds: string[], q: Q) => Promise<BatchResults<V>>) => {
      const keyOf = (k: UserKey<Q>) => `${questionKey(k.question)}|${k.userId}`;
      return createLoader<UserKey<Q>, V>(
        async (keys) => {
          const results: BatchResults<V> = new Map();
          const questions = new Map(keys.map((k) => [questionKey(k.question), k.question]));
          await Promise.all(
            [...questions].map(async ([key, question]) => {
              const asking = keys.filter((k) => questionKey(k.question) === key);
              const answers = await read(asking.map((k) => k.userId), question).catch(asError);
              for (const k of asking) results.set(keyOf(k), answers instanceof Error ? answers : (answers.get(k.userId) ?? null));
            }),
          );
          return results;
        },
        { keyOf, name },
      );
    };
    const shiftsAhead = byUser<TimeWindow, OnCallShift[]>('pagerduty.onCallsByUserInWindow', windowKey, (ids, w) => reader.onCallsByUserInWindow(ids, w));
    const assigned = byUser<IncidentFilter, IncidentList>('pagerduty.incidentsByAssignee', filterKey, (ids, f) => reader.incidentsByAssignee(ids, f));

    /** One `/log_entries` read covers every incident of the batch whose record no longer lists its acknowledgement. */
    const firstAck = createLoader<Incident, string>(
      async (batch) => {
        const results: BatchResults<string> = new Map(batch.map((i) => [i.id, i.acknowledgedAt]));
        // PagerDuty lists acknowledgements on the incident only while it is acknowledged; after
        // that the log entries are the record. One window from the oldest incident's day (a
        // stable cache key) up to now covers all of them.
        const needLog = batch.filter((i) => i.status === 'RESOLVED' && !i.acknowledgedAt);
        if (needLog.length === 0) return results;
        const since = Math.floor(Math.min(...needLog.map((i) => Date.parse(i.createdAt))) / DAY) * DAY;
        try {
          const acks = await reader.acknowledgements({ since: new Date(since).toISOString(), until: new Date(roundedNow(now)).toISOString() });
          for (const i of needLog) results.set(i.id, acks[i.id] ?? null);
        } catch (error) {
          for (const i of needLog) results.set(i.id, asError(error));
        }
        return results;
      },
      { keyOf: (i) => i.id, name: 'pagerduty.firstAck' },
    );

    /** Change events are an account-wide list: one read per window, filtered per service here. */
    const changeEvents = createLoader<ChangeEventsKey, ChangeEvent[]>(
      async (keys) => {
        const results: BatchResults<ChangeEvent[]> = new Map();
        const windows = new Map(keys.map((k) => [windowKey(k.window), k.window]));
        await Promise.all(
          [...windows].map(async ([key, window]) => {
            const events = await reader.changeEvents(window).catch(asError);
            for (const k of keys.filter((k) => windowKey(k.window) === key)) {
              results.set(changeKeyOf(k), events instanceof Error ? events : events.filter((e) => e.serviceIds.includes(k.serviceId)));
            }
          }),
        );
        return results;
      },
      { keyOf: changeKeyOf, name: 'pagerduty.changeEvents' },
    );

    /**
     * A list read for a batch shared with other requests was fetched in whichever request sent
     * the batch: a stale one is noted for this request too (`extensions.stale`).
     */
    const noted = (list: IncidentList): IncidentList => {
      if (list.stale && list.fetchedAt) upstream.stale.note(Date.parse(list.fetchedAt));
      return list;
    };

    return {
      upstream: upstream.name,
      service: (id) => service.load(id),
      incidents: async (serviceId, filter) => noted((await incidents.load({ serviceId, filter })) ?? EMPTY),
      incident: (id) => incident.load(id),
      onCallForPolicy: async (policyId) => (await onCallsByPolicy.load(policyId)) ?? [],
      async onCallForUser(email) {
        const user = await userByEmail.load(email);
        return user ? ((await onCallsByUser.load(user.id)) ?? []) : null;
      },
      async onCallShiftsForUser(email, window) {
        const user = await userByEmail.load(email);
        return user ? ((await shiftsAhead.load({ userId: user.id, question: window })) ?? []) : null;
      },
      async incidentsAssignedTo(email, filter) {
        const user = await userByEmail.load(email);
        return user ? noted((await assigned.load({ userId: user.id, question: filter })) ?? EMPTY) : null;
      },
      firstAcknowledgedAt: (i) => firstAck.load(i),
      changeEvents: async (serviceId, window) => (await changeEvents.load({ serviceId, window })) ?? [],
    };
  }

  return {
    forRequest,
    // The client, the upstream and the cache belong to the subgraph that created them; the
    // cross-request batchers hold no timers once their batches are sent.
    close: async () => undefined,
  };
}
