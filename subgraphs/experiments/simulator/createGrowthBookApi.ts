import express, { type Request, type Response, type Router } from 'express';
import type { GrowthBookSeed } from './seedGrowthBook';

export interface GrowthBookApiOptions {
  seed: GrowthBookSeed;
  /** The one secret key accepted as `Authorization: Bearer <token>`. */
  token: string;
  /** Largest page served; GrowthBook's is 100. Tests lower it to exercise paging. */
  maxLimit?: number;
}

/** GrowthBook answers every error as `{ message }`. */
const fail = (res: Response, status: number, message: string) => res.status(status).json({ message });

/** GrowthBook's paging: `limit` (default 10, at most 100) and `offset`, answered with its envelope. */
function page<T>(req: Request, items: T[], maxLimit: number) {
  const asked = Number.parseInt(String(req.query.limit ?? ''), 10);
  const limit = Math.min(maxLimit, Number.isFinite(asked) && asked > 0 ? asked : 10);
  const from = Number.parseInt(String(req.query.offset ?? ''), 10);
  const offset = Number.isFinite(from) && from > 0 ? from : 0;
  const slice = items.slice(offset, offset + limit);
  const hasMore = offset + slice.length < items.length;
  return { slice, envelope: { limit, offset, count: slice.length, total: items.length, hasMore, nextOffset: hasMore ? offset + slice.length : null } };
}

const query = (req: Request, name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : undefined);

/**
 * GrowthBook REST v1 as devgraph uses it: list and get experiments, results, list features.
 * Mirrors the real server's quirks that clients must handle: a missing experiment (or one
 * without results) is HTTP 400, not 404; lists include archived items.
 */
export function createGrowthBookApi(options: GrowthBookApiOptions): Router {
  const { seed } = options;
  const maxLimit = options.maxLimit ?? 100;
  const router = express.Router();

  router.use('/api', (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return fail(res, 401, 'Must provide API key via Authorization header (Bearer <key>)');
    if (match[1] !== options.token) return fail(res, 401, 'Invalid API key');
    next();
  });

  router.get('/api/v1/experiments', (req, res) => {
    const projectId = query(req, 'projectId');
    const status = query(req, 'status');
    const trackingKey = query(req, 'trackingKey') ?? query(req, 'experimentId');
    if (status && !['draft', 'running', 'stopped'].includes(status)) return fail(res, 400, `Invalid status "${status}"`);
    const matching = seed.experiments.filter(
      (e) => (!projectId || e.project === projectId) && (!status || e.status === status) && (!trackingKey || e.trackingKey === trackingKey),
    );
    const { slice, envelope } = page(req, matching, maxLimit);
    res.json({ experiments: slice, ...envelope });
  });

  router.get('/api/v1/experiments/:id', (req, res) => {
    const experiment = seed.experiments.find((e) => e.id === req.params.id);
    if (!experiment) return fail(res, 400, 'Could not find experiment with that id');
    const enhanced = experiment.archived ? 'Archived' : experiment.status === 'running' ? 'Running' : experiment.status === 'stopped' ? 'Stopped' : 'Draft';
    res.json({ experiment: { ...experiment, enhancedStatus: { status: enhanced } } });
  });

  router.get('/api/v1/experiments/:id/results', (req, res) => {
    const experiment = seed.experiments.find((e) => e.id === req.params.id);
    if (!experiment) return fail(res, 400, 'Could not find experiment with that id');
    const phases = seed.results.get(experiment.id) ?? [];
    const asked = query(req, 'phase');
    const index = asked === undefined ? phases.length - 1 : Number.parseInt(asked, 10);
    const result = Number.isInteger(index) ? phases[index] : undefined;
    if (!result) return fail(res, 400, 'No results found for that experiment');
    res.json({ experiment, result });
  });

  router.get('/api/v1/features', (req, res) => {
    const projectId = query(req, 'projectId');
    const { slice, envelope } = page(req, seed.features.filter((f) => !projectId || f.project === projectId), maxLimit);
    res.json({ features: slice, ...envelope });
  });

  router.use('/api', (req, res) => fail(res, 404, `Unknown API endpoint ${req.method} ${req.path}`));
  return router;
}
