import express, { type Request, type Response, type Router } from 'express';
import type { BackstageEntity, BackstageErrorBody } from '../src/sources/backstage/backstageWire';

/** The simulator's catalog: entities by lower-cased ref, in a map the test may change. */
export interface BackstageCatalogState {
  entities: Map<string, BackstageEntity>;
}

export interface BackstageApiOptions {
  state: BackstageCatalogState;
  /** The one token accepted as `Authorization: Bearer <token>`. */
  token: string;
  /** Largest by-query page; tests lower it to exercise paging. */
  maxLimit?: number;
}

const ERROR_NAMES: Record<number, string> = { 400: 'InputError', 401: 'AuthenticationError', 404: 'NotFoundError' };

/** Backstage answers every error with `@backstage/errors`' ErrorResponseBody. */
function fail(req: Request, res: Response, status: number, message: string) {
  const body: BackstageErrorBody = {
    error: { name: ERROR_NAMES[status] ?? 'Error', message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
  };
  res.status(status).json(body);
}

export const refOf = (e: BackstageEntity) => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();

/** Cursors are opaque to clients (base64url JSON), as Backstage's are; they carry the offset. */
const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');
function decodeCursor(cursor: string): number | undefined {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The part of Backstage's catalog REST API devgraph uses, on the real paths: entities by query
 * with cursor paging (ordered by ref) and a batch of entities by ref.
 */
export function createBackstageApi(options: BackstageApiOptions): Router {
  const maxLimit = options.maxLimit ?? 1000;
  const router = express.Router();

  router.use('/api/catalog', (req, res, next) => {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!match) return fail(req, res, 401, 'Missing credentials');
    if (match[1] !== options.token) return fail(req, res, 401, 'Illegal token');
    next();
  });

  router.get('/api/catalog/entities/by-query', (req, res) => {
    const asked = req.query.limit === undefined ? 20 : Number(req.query.limit);
    if (!Number.isInteger(asked) || asked < 0) return fail(req, res, 400, `Invalid limit "${String(req.query.limit)}"`);
    const limit = Math.min(asked, maxLimit);
    let offset = 0;
    if (typeof req.query.cursor === 'string') {
      const decoded = decodeCursor(req.query.cursor);
      if (decoded === undefined) return fail(req, res, 400, 'Malformed cursor, could not be parsed');
      offset = decoded;
    }
    const all = [...options.state.entities.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, e]) => e);
    const items = all.slice(offset, offset + limit);
    const next = offset + items.length;
    res.json({
      items,
      totalItems: all.length,
      pageInfo: {
        ...(next < all.length && { nextCursor: encodeCursor(next) }),
        ...(offset > 0 && { prevCursor: encodeCursor(Math.max(0, offset - limit)) }),
      },
    });
  });

  router.post('/api/catalog/entities/by-refs', (req, res) => {
    const refs = (req.body as { entityRefs?: unknown } | undefined)?.entityRefs;
    if (!Array.isArray(refs) || refs.some((r) => typeof r !== 'string')) return fail(req, res, 400, 'entityRefs must be an array of strings');
    res.json({ items: (refs as string[]).map((ref) => options.state.entities.get(ref.toLowerCase()) ?? null) });
  });

  return router;
}
