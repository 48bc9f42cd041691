import type { CatalogContext } from '../context';
import type { SourceStatus } from '../model/types';
import type { CatalogSourceStatus, CatalogStatus } from '../generated/types';

const dateTime = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const ageSeconds = (now: number, since: number | undefined) => (since === undefined ? null : Math.max(0, (now - since) / 1000));

function sourceStatus(s: SourceStatus, now: number): CatalogSourceStatus {
  return {
    kind: s.kind,
    location: s.location,
    lastSyncAt: dateTime(s.lastSyncAt),
    lastAttemptAt: dateTime(s.lastAttemptAt),
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
export function catalogStatus(ctx: CatalogContext): CatalogStatus {
  const now = ctx.now();
  const { snapshot, snapshotBuiltAt } = ctx.source;
  const status = ctx.source.status();
  return {
    source: [...new Set(status.sources.map((s) => s.kind.toLowerCase()))].join('+') || 'none',
    lastSyncAt: dateTime(status.lastSyncAt),
    ageSeconds: ageSeconds(now, status.currentAt),
    snapshotBuiltAt: new Date(snapshotBuiltAt).toISOString(),
    entityCount: snapshot.size,
    problems: snapshot.problems.length,
    stale: status.stale,
    sources: status.sources.map((s) => sourceStatus(s, now)),
  };
}
