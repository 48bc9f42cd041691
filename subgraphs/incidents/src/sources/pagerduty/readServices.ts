import type { BatchResults, Cache, CachePolicy, Upstream } from '@devgraph/runtime';
import type { IncidentService } from '../../model/types';
import type { PagerDutyClient } from './createPagerDutyClient';
import { loadEach } from './loadEach';
import { normaliseService } from './normaliseService';
import type { PdService } from './pagerDutyWire';
import type { Listed } from './readInChunks';

export interface ServicesRead {
  client: PagerDutyClient;
  upstream: Upstream;
  cache: Cache;
  /** The whole account's service list: one cache entry. */
  listPolicy: CachePolicy;
  /** One service read by id, for an id the list does not have (cached by the caller). */
  one: (id: string) => Promise<IncidentService | null>;
}

/** The list's one cache key: the account's services, whoever asks. */
const ALL = 'all';

/**
 * Services by id, the way PagerDuty can answer many at once: it has no "services by ids" filter,
 * but `GET /services` lists them all, 100 a page. The whole list is read once (one call per 100
 * services) and cached as one entry, so a dashboard of N services costs `ceil(N/100)` calls cold
 * and none warm, instead of N. An id the list lacks (a service created since the list was cached,
 * or beyond PAGERDUTY_MAX_PAGES) is read alone from `/services/{id}`; one that does not exist is
 * `null` (cached as such by `one`). If the list cannot be read, every id gets that error (stale
 * list still served while PagerDuty fails): reading each id instead would multiply the calls
 * against a failing PagerDuty.
 */
export async function readServices(ids: readonly string[], read: ServicesRead): Promise<BatchResults<IncidentService>> {
  let listed: Map<string, IncidentService>;
  try {
    const { value } = await read.upstream.cached<Listed<IncidentService>>(read.cache, read.listPolicy, ALL, async () => {
      const { items, truncated } = await read.client.list<PdService>('/services', 'services', {}, 'services');
      return { items: items.map(normaliseService), truncated };
    });
    listed = new Map(value.items.map((service) => [service.id, service]));
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return new Map(ids.map((id) => [id, failure]));
  }
  const results: BatchResults<IncidentService> = new Map();
  const missing: string[] = [];
  for (const id of ids) {
    const service = listed.get(id);
    if (service) results.set(id, service);
    else missing.push(id);
  }
  if (missing.length === 0) return results;
  for (const [id, result] of await loadEach(missing, (id) => id, read.one)) results.set(id, result);
  return results;
}
