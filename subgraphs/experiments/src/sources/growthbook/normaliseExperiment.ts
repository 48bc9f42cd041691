import type { ExperimentModel, ExperimentOutcome, ExperimentStatus, Stored } from '../../model/types';
import type { GbExperiment } from './growthBookWire';

const STATUS: Record<string, ExperimentStatus> = { draft: 'DRAFT', running: 'RUNNING', stopped: 'STOPPED' };
const OUTCOME: Record<string, ExperimentOutcome> = { won: 'WON', lost: 'LOST', inconclusive: 'INCONCLUSIVE', dnf: 'DID_NOT_FINISH' };

/** GrowthBook writes `""` for unset strings and dates; devgraph says null. */
const orNull = (value: string | undefined | null) => (value === undefined || value === null || value.trim() === '' ? null : value);

/**
 * GrowthBook's Experiment to devgraph's. Weights and coverage come from the last phase (the one
 * running now, or the one that ran last), as GrowthBook's UI shows them.
 */
export function normaliseExperiment(gb: GbExperiment, appUrl: string): Stored<ExperimentModel> {
  const phases = gb.phases.map((p) => ({
    name: p.name,
    startedAt: orNull(p.dateStarted),
    endedAt: orNull(p.dateEnded),
    coverage: typeof p.coverage === 'number' ? p.coverage : null,
    trafficSplit: p.trafficSplit.map((t) => ({ variantId: t.variationId, weight: t.weight })),
  }));
  const current = phases[phases.length - 1];
  const weightOf = new Map(current?.trafficSplit.map((t) => [t.variantId, t.weight]) ?? []);
  // An unknown status is shown as the least assertive one rather than failing the whole list.
  const status = STATUS[gb.status] ?? 'DRAFT';
  const ownerEmail = orNull(gb.ownerEmail) ?? (gb.owner.includes('@') ? gb.owner : null);
  const summary = gb.resultSummary;
  const winner = orNull(summary?.winner);
  return {
    id: gb.id,
    trackingKey: gb.trackingKey,
    name: gb.name,
    status,
    archived: gb.archived,
    project: orNull(gb.project),
    hypothesis: orNull(gb.hypothesis),
    description: orNull(gb.description),
    owner: ownerEmail ?? orNull(gb.owner),
    ownerEmail: ownerEmail?.toLowerCase() ?? null,
    tags: gb.tags,
    createdAt: orNull(gb.dateCreated),
    updatedAt: orNull(gb.dateUpdated),
    // A draft's phase carries a planned date, not a start.
    startedAt: status === 'DRAFT' ? null : (phases[0]?.startedAt ?? null),
    endedAt: status === 'STOPPED' ? (current?.endedAt ?? null) : null,
    coverage: current?.coverage ?? null,
    variants: gb.variations.map((v) => ({ id: v.variationId, key: v.key, name: v.name, weight: weightOf.get(v.variationId) ?? null })),
    phases,
    winnerVariantId: status === 'STOPPED' && winner && gb.variations.some((v) => v.variationId === winner) ? winner : null,
    outcome: summary ? (OUTCOME[summary.status] ?? null) : null,
    conclusion: orNull(summary?.conclusions),
    engine: gb.settings.statsEngine === 'frequentist' ? 'FREQUENTIST' : 'BAYESIAN',
    url: `${appUrl.replace(/\/+$/, '')}/experiment/${encodeURIComponent(gb.id)}`,
  };
}
