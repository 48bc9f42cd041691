import type { CatalogContext } from '../context';
import type { CatalogSourceStatus as CatalogSourceStatusModel } from '../sources/CatalogSource';
import type { CatalogSourceStatus, CatalogStatus } from '../generated/types';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const ageSeconds = (now: number, since: number | undefined) => (since === undefined ? null : Math.max(0, (now - since) / 1000));

function sourceStatus(s: CatalogSourceStatusModel, now: number): CatalogSourceStatus {
  return {
    kind: s.kind,
    location: s.location,
    lastSyncAt: iso(s.lastSyncAt),
    lastAttemptAt: iso(s.lastAttemptAt),
    lastError: s.lastError ?? null,
    entityCount: s.entityCount,
    stale: s.stale,
    ageSeconds: ageSeconds(now, s.currentAt),
  };
}

/**
 * `Query.catalogStatus`: counts from the request's own snapshot (so they agree with the rest of
 * the response), freshness from the sources' live status.
 */
export function catalogStatus(ctx: CatalogContext, now = Date.now()): CatalogStatus {
  const status = ctx.catalogStatus();
  return {
    source: [...new Set(status.sources.map((s) => s.kind.toLowerCase()))].join('+') || 'none',
    lastSyncAt: iso(status.lastSyncAt),
    ageSeconds: ageSeconds(now, status.currentAt),
    snapshotBuiltAt: new Date(ctx.indexBuiltAt).toISOString(),
    entityCount: ctx.index.size,
    problems: ctx.index.problems.length,
    stale: status.stale,
    sources: status.sources.map((s) => sourceStatus(s, now)),
  };
}
