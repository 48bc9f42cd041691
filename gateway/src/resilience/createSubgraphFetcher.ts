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
  /**
   * Set when identical fetches may share one answer (in-flight deduplication): while a fetch to
   * the same URL with the same key is under way, this one waits for that answer instead of
   * sending. The key must hold everything that can change the answer (`subgraphShareKey`).
   * Unset: always sent.
   */
  shareKey?: string;
  /** Told whether this fetch went to the subgraph (`sent`) or waits for one in flight (`shared`). */
  onFetch?: (outcome: 'sent' | 'shared') => void;
}

export interface SubgraphFetcher {
  fetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer }, budget: SubgraphFetchBudget): Promise<Response>;
  /** Closes the idle keep-alive connections. */
  close(): void;
}

/** A subgraph's answer read whole: each waiter builds its own `Response` from it. */
interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer | null;
}

/** One fetch on the wire and the fetches waiting for it; aborted when the last one gives up. */
interface Flight {
  answer: Promise<Answer>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

/** Set on a failure that happened after the response began: sending again is never safe then. */
const AFTER_RESPONSE = Symbol('afterResponse');

/**
 * The gateway's HTTP client for subgraph fetches, on Node's own http module so the two things
 * the default client (make-fetch-happen) hides are explicit: the keep-alive timeout of its
 * connection pool, and a retry of an idempotent fetch whose connection was reset before any
 * response (the keep-alive race: the server closed an idle socket just as the gateway reused it).
 * The body is read whole before resolving, so the time budget covers the body too.
 *
 * Fetches with the same `shareKey` to the same URL share one request while it is in flight
 * (Hive Gateway's and Apollo Router's deduplication): fifty dashboards loading at once cost the
 * subgraph one fetch. Each waiter keeps its own time budget and gets its own `Response` (the
 * gateway merges answers into its result tree, so one parsed object must never serve two
 * requests); the request on the wire is aborted only when every waiter has given up. Nothing is
 * kept once the answer is in: this is not a cache.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions = {}): SubgraphFetcher {
  const keepAliveMs = options.keepAliveMs ?? 30_000;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: keepAliveMs }),
    'https:': new https.Agent({ keepAlive: true, timeout: keepAliveMs }),
  };
  const inFlight = new Map<string, Flight>();

  /** `fresh`: on a new connection outside the pool, so a retry cannot land on another stale socket. */
  function once(url: URL, init: Parameters<SubgraphFetcher['fetch']>[1], signal: AbortSignal, fresh = false): Promise<Answer> {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Answer>((resolve, reject) => {
      const request = client.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: fresh ? false : agents[url.protocol as 'http:' | 'https:'], signal }, (response) => {
        const chunks: Buffer[] = [];
        const failed = (error: Error) => reject(Object.assign(error, { [AFTER_RESPONSE]: true }));
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', failed);
        response.on('aborted', () => failed(new Error('the subgraph closed the connection mid-response')));
        response.on('end', () => {
          const status = response.statusCode ?? 502;
          const headers: [string, string][] = [];
          for (const [name, value] of Object.entries(response.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.push([name, item]);
          }
          // A null-body status may not be given a body, even an empty one.
          const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve({ status, statusText: response.statusMessage ?? '', headers, body });
        });
      });
      request.on('error', reject);
      request.end(init.body);
    });
  }

  async function send(url: string, init: Parameters<SubgraphFetcher['fetch']>[1], budget: SubgraphFetchBudget, signal: AbortSignal): Promise<Answer> {
    const target = new URL(url);
    try {
      return await once(target, init, signal);
    } catch (error) {
      if (!budget.idempotent || signal.aborted || !isResetBeforeResponse(error)) throw error;
      budget.onRetry?.(error as Error);
      return await once(target, init, signal, true);
    }
  }

  function takeOff(url: string, init: Parameters<SubgraphFetcher['fetch']>[1], budget: SubgraphFetchBudget, key: string | undefined): Flight {
    const controller = new AbortController();
    const flight: Flight = { answer: send(url, init, budget, controller.signal), controller, waiters: 0, settled: false };
    const land = () => {
      flight.settled = true;
      if (key !== undefined && inFlight.get(key) === flight) inFlight.delete(key);
    };
    // Both branches handled: every waiter handles the rejection on its own.
    flight.answer.then(land, land);
    if (key !== undefined) inFlight.set(key, flight);
    return flight;
  }

  /** Waits for a flight's answer within this fetch's own budget. */
  function wait(flight: Flight, budget: SubgraphFetchBudget, key: string | undefined): Promise<Response> {
    flight.waiters += 1;
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new SubgraphTimeoutError(budget.timeoutMs, budget.budget));
        flight.waiters -= 1;
        if (flight.waiters > 0 || flight.settled) return;
        // Nobody wants this answer any more: free the connection, and let the next fetch start afresh.
        if (key !== undefined && inFlight.get(key) === flight) inFlight.delete(key);
        flight.controller.abort(new SubgraphTimeoutError(budget.timeoutMs, budget.budget));
      }, budget.timeoutMs);
      flight.answer.then(
        (answer) => {
          clearTimeout(timer);
          resolve(new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: new Headers(answer.headers) }));
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  return {
    fetch(url, init, budget) {
      const key = budget.shareKey === undefined ? undefined : `${url}\n${budget.shareKey}`;
      const boarding = key === undefined ? undefined : inFlight.get(key);
      budget.onFetch?.(boarding ? 'shared' : 'sent');
      return wait(boarding ?? takeOff(url, init, budget, key), budget, key);
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
