import { redactUrl, UpstreamError, type Upstream } from '@devgraph/runtime';
import { growthBookError, malformedAnswer } from './growthBookError';
import type { GbExperiment, GbExperimentResponse, GbExperimentResults, GbExperimentResultsResponse, GbFeature, GbPagination } from './growthBookWire';

/** GrowthBook's largest page (`limit` maximum in the OpenAPI file). */
export const GROWTHBOOK_PAGE_LIMIT = 100;

export interface GrowthBookClientOptions {
  /** Base URL ending in `/api` (paths carry `/v1`). */
  apiUrl: string;
  /** GrowthBook as the runtime reaches it: key, timeout, retries, breaker, metrics and logs. */
  upstream: Upstream;
  /** Most pages one list may take (each of GROWTHBOOK_PAGE_LIMIT items). */
  maxPages: number;
  fetch?: typeof fetch;
}

export interface BoundedList<T> {
  items: T[];
  /** The page cap stopped us while GrowthBook still said `hasMore`. */
  truncated: boolean;
}

export interface GrowthBookClient {
  listExperiments(projectId: string | null): Promise<BoundedList<GbExperiment>>;
  /** `null` for GrowthBook's "not found", which is an HTTP 400 for experiments. */
  getExperiment(id: string): Promise<GbExperiment | null>;
  /** `null` when GrowthBook has no results for this experiment/phase (also a 400). */
  getResults(id: string, phase: number): Promise<GbExperimentResults | null>;
  listFeatures(projectId: string): Promise<BoundedList<GbFeature>>;
}

type Params = Record<string, string | number | undefined>;

/**
 * GrowthBook REST v1 over Node's fetch, through the runtime's Upstream: its key
 * (`Authorization: Bearer`), timeout per attempt, retries honouring Retry-After, circuit breaker,
 * metrics and logs. What is left here is GrowthBook's: its URLs, its paging and its answers
 * (errors mapped in growthBookError).
 */
export function createGrowthBookClient(options: GrowthBookClientOptions): GrowthBookClient {
  const { upstream } = options;
  const doFetch = options.fetch ?? fetch;
  const base = options.apiUrl.replace(/\/+$/, '');

  async function get<T>(path: string, params: Params, description: string, notFoundOn400 = false): Promise<T> {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    const request = `GET ${redactUrl(url)}`;
    // GrowthBook answers nothing without a key: say which variable to set instead of asking.
    upstream.requireCredential(request);
    return upstream.call(async (signal) => {
      const response = await doFetch(url, { headers: { accept: 'application/json', ...upstream.authHeaders() }, signal });
      const body = await response.text();
      if (!response.ok) {
        throw growthBookError({ status: response.status, retryAfter: response.headers.get('retry-after'), body, description, request, notFoundOn400, redact: upstream.redact });
      }
      try {
        return JSON.parse(body) as T;
      } catch {
        throw malformedAnswer(description, request);
      }
    }, description);
  }

  async function getOrNull<T>(path: string, params: Params, description: string): Promise<T | null> {
    try {
      return await get<T>(path, params, description, true);
    } catch (error) {
      if (error instanceof UpstreamError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  /** Follows `hasMore/nextOffset` until the end or the page cap, whichever comes first. */
  async function listAll<T>(path: string, key: string, params: Params, description: string): Promise<BoundedList<T>> {
    const items: T[] = [];
    let offset = 0;
    for (let page = 0; page < options.maxPages; page++) {
      const body = await get<GbPagination & Record<string, unknown>>(path, { ...params, limit: GROWTHBOOK_PAGE_LIMIT, offset }, description);
      items.push(...((body[key] as T[] | undefined) ?? []));
      if (!body.hasMore || body.nextOffset === null || body.nextOffset <= offset) return { items, truncated: false };
      offset = body.nextOffset;
    }
    return { items, truncated: true };
  }

  return {
    listExperiments: (projectId) =>
      listAll<GbExperiment>('/v1/experiments', 'experiments', { projectId: projectId ?? undefined }, projectId ? `list experiments of ${projectId}` : 'list experiments'),
    getExperiment: async (id) =>
      (await getOrNull<GbExperimentResponse>(`/v1/experiments/${encodeURIComponent(id)}`, {}, `get experiment ${id}`))?.experiment ?? null,
    getResults: async (id, phase) =>
      (await getOrNull<GbExperimentResultsResponse>(`/v1/experiments/${encodeURIComponent(id)}/results`, { phase }, `get results of ${id}`))?.result ?? null,
    listFeatures: (projectId) => listAll<GbFeature>('/v1/features', 'features', { projectId }, `list features of ${projectId}`),
  };
}
