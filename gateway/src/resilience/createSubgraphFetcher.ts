import http from 'node:http';
import https from 'node:https';
import { SubgraphTimeoutError } from './SubgraphTimeoutError';

export interface SubgraphFetcherOptions {
  /**
   * How long an idle keep-alive connection is kept. Shorter than the subgraph servers' own
   * keep-alive timeout (65 s, `startSubgraphServer`), so the gateway closes an idle connection
   * before the server does and never writes a request onto a socket the server is closing.
   * @default 30000
   */
  keepAliveMs?: number;
}

export interface SubgraphFetchBudget {
  /** The fetch is aborted and rejects with `SubgraphTimeoutError` after this many milliseconds. */
  timeoutMs: number;
  /** Which budget `timeoutMs` came from, for the error. */
  budget: 'subgraph' | 'request';
  /** A query may be sent again; a mutation never is (it may have run). */
  idempotent: boolean;
  /** Told when a fetch is retried on a reset connection (for the log). */
  onRetry?: (error: Error) => void;
}

export interface SubgraphFetcher {
  fetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer }, budget: SubgraphFetchBudget): Promise<Response>;
  /** Closes the idle keep-alive connections. */
  close(): void;
}

/** Set on a failure that happened after the response began: sending again is never safe then. */
const AFTER_RESPONSE = Symbol('afterResponse');

/**
 * The gateway's HTTP client for subgraph fetches, on Node's own http module so the two things
 * the default client (make-fetch-happen) hides are explicit: the keep-alive timeout of its
 * connection pool, and a retry of an idempotent fetch whose connection was reset before any
 * response (the keep-alive race: the server closed an idle socket just as the gateway reused it).
 * The body is read whole before resolving, so the time budget covers the body too.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions = {}): SubgraphFetcher {
  const keepAliveMs = options.keepAliveMs ?? 30_000;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: keepAliveMs }),
    'https:': new https.Agent({ keepAlive: true, timeout: keepAliveMs }),
  };

  /** `fresh`: on a new connection outside the pool, so a retry cannot land on another stale socket. */
  function once(url: URL, init: Parameters<SubgraphFetcher['fetch']>[1], signal: AbortSignal, fresh = false): Promise<Response> {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = client.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: fresh ? false : agents[url.protocol as 'http:' | 'https:'], signal }, (response) => {
        const chunks: Buffer[] = [];
        const failed = (error: Error) => reject(Object.assign(error, { [AFTER_RESPONSE]: true }));
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', failed);
        response.on('aborted', () => failed(new Error('the subgraph closed the connection mid-response')));
        response.on('end', () => {
          const status = response.statusCode ?? 502;
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
          }
          // A null-body status may not be given a body, even an empty one.
          const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status, statusText: response.statusMessage ?? '', headers }));
        });
      });
      request.on('error', reject);
      request.end(init.body);
    });
  }

  return {
    async fetch(url, init, budget) {
      const target = new URL(url);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new SubgraphTimeoutError(budget.timeoutMs, budget.budget)), budget.timeoutMs);
      try {
        try {
          return await once(target, init, controller.signal);
        } catch (error) {
          if (!budget.idempotent || controller.signal.aborted || !isResetBeforeResponse(error)) throw error;
          budget.onRetry?.(error as Error);
          return await once(target, init, controller.signal, true);
        }
      } catch (error) {
        // Aborting rejects with Node's AbortError; the reason says which budget ran out.
        if (controller.signal.aborted) throw controller.signal.reason;
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/** ECONNRESET ("socket hang up") or EPIPE before any byte of the response: nothing was answered. */
function isResetBeforeResponse(error: unknown): boolean {
  // Duck-typed: Node's own errors may come from another realm (jest's sandbox), where instanceof fails.
  if (typeof error !== 'object' || error === null || (error as { [AFTER_RESPONSE]?: boolean })[AFTER_RESPONSE]) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}
