import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type RequestHandler, type Router } from 'express';

/** A failure a simulator plays back instead of (or before) its real answer. */
export interface Fault {
  /** Only requests whose path contains this string (default: all). */
  pathIncludes?: string;
  /** Answer with this status and body instead of the real response. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Delay before answering (the real response, or the fault's). */
  latencyMs?: number;
  /** Never answer: the client's timeout has to fire. */
  hang?: boolean;
  /** How many requests this fault applies to (default: until cleared). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Request['query'];
  body: unknown;
  /** Whether an Authorization header was sent; the header itself is never recorded. */
  authorized: boolean;
}

export interface Simulator {
  name: string;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Every request the upstream API received (control endpoints excluded), oldest first. */
  readonly requests: readonly RecordedRequest[];
  count(pathIncludes?: string): number;
  inject(fault: Fault): void;
  clearFaults(): void;
  resetRequests(): void;
  close(): Promise<void>;
}

export interface StartSimulatorOptions {
  name: string;
  /** The upstream API, as real paths (`/graphql`, `/incidents`, `/api/v1/experiments`). */
  api: Router | RequestHandler;
  port?: number;
  host?: string;
}

const CONTROL_PREFIX = '/__simulator';

/**
 * Common shell of every simulator: request log, fault injection (in code for tests, over HTTP
 * for the `npm start` demo) and a clean close that also drops hanging connections.
 * HTTP control: `GET /__simulator/requests`, `POST /__simulator/faults` (a Fault as JSON),
 * `DELETE /__simulator/faults`, `DELETE /__simulator/requests`.
 */
export async function startSimulator(options: StartSimulatorOptions): Promise<Simulator> {
  const requests: RecordedRequest[] = [];
  let faults: Fault[] = [];
  const app = express();
  app.use(express.json({ limit: '5mb' }));

  app.get(`${CONTROL_PREFIX}/requests`, (_req, res) => {
    const byPath: Record<string, number> = {};
    for (const r of requests) byPath[r.path] = (byPath[r.path] ?? 0) + 1;
    res.json({ count: requests.length, byPath });
  });
  app.delete(`${CONTROL_PREFIX}/requests`, (_req, res) => {
    requests.length = 0;
    res.status(204).end();
  });
  app.post(`${CONTROL_PREFIX}/faults`, (req, res) => {
    faults.push(req.body as Fault);
    res.status(201).json({ faults });
  });
  app.delete(`${CONTROL_PREFIX}/faults`, (_req, res) => {
    faults = [];
    res.status(204).end();
  });

  app.use((req, res, next) => {
    requests.push({ method: req.method, path: req.path, query: req.query, body: req.body, authorized: Boolean(req.headers.authorization) });
    const fault = faults.find((f) => !f.pathIncludes || req.path.includes(f.pathIncludes));
    if (!fault) return next();
    if (fault.times !== undefined && --fault.times <= 0) faults = faults.filter((f) => f !== fault);
    if (fault.hang) return; // the socket stays open until the client gives up or we close
    const answer = () => {
      if (fault.status === undefined) return next();
      for (const [k, v] of Object.entries(fault.headers ?? {})) res.setHeader(k, v);
      res.status(fault.status).json(fault.body ?? { message: `simulated ${fault.status}` });
    };
    if (fault.latencyMs) setTimeout(answer, fault.latencyMs);
    else answer();
  });
  app.use(options.api);

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    name: options.name,
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    port,
    requests,
    count: (pathIncludes) => requests.filter((r) => !pathIncludes || r.path.includes(pathIncludes)).length,
    inject: (fault) => void faults.push({ ...fault }),
    clearFaults: () => void (faults = []),
    resetRequests: () => void (requests.length = 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
