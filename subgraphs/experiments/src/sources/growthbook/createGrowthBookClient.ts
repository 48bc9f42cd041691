import { UpstreamError, parseRetryAfter, redactUrl, type UpstreamCaller } from '@devgraph/runtime';
import type { GbExperiment, GbExperimentResults, GbFeature, GbPagination } from './growthBookWire';

export const GROWTHBOOK = 'growthbook';

/** GrowthBook's largest page (`limit` maximum in the OpenAPI file). */
export const GROWTHBOOK_PAGE_LIMIT = 100;

export interface GrowthBookClientOptions {
  /** Base URL ending in `/api` (paths carry `/v1`). */
  apiUrl: string;
  apiKey?: string;
  caller: UpstreamCaller;
  /** Most pages one list may take (each of GROWTHBOOK_PAGE_LIMIT items). */
  maxPages: number;
  fetch?: typeof fetch;
  /** Called once per HTTP response, for metrics. */
  onResponse?: (status: number) => void;
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

/** HTTP 400 from an id lookup: GrowthBook's way of saying "no such experiment / no results". */
class NotFoundAnswer extends Error {}

/**
 * GrowthBook REST v1 over Node's fetch. Every call goes through the shared upstream caller
 * (timeout, retries honouring Retry-After, circuit breaker); non-2xx answers become the one
 * UpstreamError type with GrowthBook's `{message}`, never the key.
 */
export function createGrowthBookClient(options: GrowthBookClientOptions): GrowthBookClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.apiUrl.replace(/\/+$/, '');
  // GrowthBook echoes little, but a proxy in between might; the key must never reach an error.
  const scrub = (text: string) => (options.apiKey && options.apiKey.length >= 4 ? text.split(options.apiKey).join('[REDACTED]') : text);

  async function get<T>(path: string, params: Record<string, string | number | undefined>, description: string, notFoundOn400 = false): Promise<T> {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    const request = `GET ${redactUrl(url)}`;
    if (!options.apiKey) {
      throw new UpstreamError({ upstream: GROWTHBOOK, status: 401, message: 'no API key configured: set GROWTHBOOK_API_KEY', request });
    }
    return options.caller.call(async (signal) => {
      const response = await doFetch(url, { headers: { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' }, signal });
      options.onResponse?.(response.status);
      const text = await response.text();
      if (response.ok) return JSON.parse(text) as T;
      let message = `${description} failed`;
      try {
        const body = JSON.parse(text) as { message?: unknown };
        if (typeof body.message === 'string' && body.message) message = `${description}: ${scrub(body.message).slice(0, 300)}`;
      } catch {
        // Not JSON (a proxy's HTML error page): keep the generic message.
      }
      if (response.status === 400 && notFoundOn400) throw new NotFoundAnswer(message);
      throw new UpstreamError({
        upstream: GROWTHBOOK,
        status: response.status,
        kind: response.status === 429 ? 'rate-limited' : 'http',
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        message,
        request,
      });
    }, description);
  }

  async function getOrNull<T>(path: string, params: Record<string, string | number | undefined>, description: string): Promise<T | null> {
    try {
      return await get<T>(path, params, description, true);
    } catch (error) {
      if (error instanceof NotFoundAnswer) return null;
      throw error;
    }
  }

  /** Follows `hasMore/nextOffset` until the end or the page cap, whichever comes first. */
  async function listAll<T>(path: string, key: string, params: Record<string, string | undefined>, description: string): Promise<BoundedList<T>> {
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
      (await getOrNull<{ experiment: GbExperiment }>(`/v1/experiments/${encodeURIComponent(id)}`, {}, `get experiment ${id}`))?.experiment ?? null,
    getResults: async (id, phase) =>
      (await getOrNull<{ result: GbExperimentResults }>(`/v1/experiments/${encodeURIComponent(id)}/results`, { phase: String(phase) }, `get results of ${id}`))?.result ?? null,
    listFeatures: (projectId) => listAll<GbFeature>('/v1/features', 'features', { projectId }, `list features of ${projectId}`),
  };
}
