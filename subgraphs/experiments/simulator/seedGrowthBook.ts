import type { DemoOrganisation } from '@devgraph/simulator-kit';
import type { GbAnalysisSettings, GbExperiment, GbExperimentResults, GbFeature, GbFeatureEnvironment } from '../src/sources/growthbook/growthBookWire';
import { DEMO_EXPERIMENTS, type DemoExperimentSpec } from './demoExperimentSpecs';
import { simulateResultRow } from './simulateResults';

/** A catalog entity as the kit hands it out (no direct dependency on the catalog package). */
type CatalogEntity = DemoOrganisation['components'][number];

export interface GrowthBookSeed {
  /** Every experiment, archived included, in creation order. */
  experiments: GbExperiment[];
  /** Results by experiment id, one per phase index; drafts have none. */
  results: Map<string, GbExperimentResults[]>;
  features: GbFeature[];
}

/** When GrowthBook last refreshed the demo results: fixed, so every run serves the same bytes. */
const RESULTS_UPDATED = '2025-06-01T06:00:00.000Z';

/** The people who may own a project's experiments: the component's owning team, or its owning user. */
function ownersOf(org: DemoOrganisation, component: CatalogEntity): CatalogEntity[] {
  const owner = org.index.related(component.ref, 'ownedBy')[0];
  if (!owner) return [];
  if (owner.ref.startsWith('user:')) return [owner];
  return org.index.related(owner.ref, 'hasMember');
}

function settingsOf(spec: DemoExperimentSpec): GbAnalysisSettings {
  const metricIds = [...new Set((spec.metrics ?? []).map((m) => m.id))];
  return {
    datasourceId: 'ds_fernhollow_warehouse',
    assignmentQueryId: 'user_id',
    experimentId: spec.slug,
    segmentId: '',
    queryFilter: '',
    inProgressConversions: 'include',
    attributionModel: 'firstExposure',
    statsEngine: spec.engine,
    goals: metricIds.slice(0, 1).map((metricId) => ({ metricId, overrides: {} })),
    secondaryMetrics: metricIds.slice(1).map((metricId) => ({ metricId, overrides: {} })),
    guardrails: [],
  };
}

function experimentOf(spec: DemoExperimentSpec, owner: CatalogEntity | undefined, org: DemoOrganisation): GbExperiment {
  const id = `exp_${spec.slug}`;
  const variationIds = spec.variants.map((_, i) => `var_${spec.slug}_${i}`);
  const split = spec.weights.map((weight, i) => ({ variationId: variationIds[i]!, weight }));
  const phase = (name: string, start: string, end: string, coverage: number, reason: string) => ({
    name, dateStarted: start, dateEnded: end, reasonForStopping: reason, seed: spec.slug, coverage, trafficSplit: split, targetingCondition: '{}',
  });
  const mainStart = spec.rampCoverage ? new Date(Date.parse(spec.started) + 7 * 86_400_000).toISOString() : spec.started;
  const phases = [
    ...(spec.rampCoverage ? [phase('Ramp-up', spec.started, mainStart, spec.rampCoverage, 'Ramp-up finished')] : []),
    phase('Main', mainStart, spec.ended ?? '', spec.coverage, spec.ended ? 'Called' : ''),
  ];
  const email = owner ? org.emailOf(owner) : undefined;
  return {
    id,
    trackingKey: spec.slug,
    dateCreated: spec.created,
    dateUpdated: spec.ended ?? spec.started,
    name: spec.name,
    type: 'standard',
    project: spec.project,
    hypothesis: spec.hypothesis,
    description: '',
    tags: spec.tags,
    // GrowthBook stores a user id; legacy records hold the raw email and resolve no ownerEmail.
    owner: spec.legacyOwner ? (email ?? '') : owner ? `u_${owner.metadata.name.replace(/\W/g, '')}` : '',
    ...(email && !spec.legacyOwner ? { ownerEmail: email } : {}),
    archived: spec.archived ?? false,
    status: spec.status,
    autoRefresh: true,
    hashAttribute: 'id',
    hashVersion: 2,
    variations: spec.variants.map((name, i) => ({ variationId: variationIds[i]!, key: String(i), name, description: '', screenshots: [] })),
    phases,
    settings: settingsOf(spec),
    ...(spec.outcome
      ? {
          resultSummary: {
            status: spec.outcome.status,
            winner: spec.outcome.winner === undefined ? '' : variationIds[spec.outcome.winner]!,
            conclusions: spec.outcome.conclusions,
            releasedVariationId: spec.outcome.winner === undefined ? variationIds[0]! : variationIds[spec.outcome.winner]!,
            excludeFromPayload: true,
          },
        }
      : {}),
  };
}

function resultsOf(spec: DemoExperimentSpec, experiment: GbExperiment): GbExperimentResults[] {
  if (spec.status === 'draft' || !spec.users || !spec.metrics) return [];
  return experiment.phases.map((phase, index) => {
    // The ramp-up phase saw a tenth of the traffic with the same rates.
    const scale = index < experiment.phases.length - 1 ? 0.1 : 1;
    const scaleCounts = (xs: number[]) => xs.map((x) => Math.round(x * scale));
    const row = simulateResultRow({
      engine: spec.engine,
      variationIds: experiment.variations.map((v) => v.variationId),
      variationNames: experiment.variations.map((v) => v.name),
      users: scaleCounts(spec.users!),
      weights: spec.weights,
      metrics: spec.metrics!.map((m) => (m.kind === 'binomial' ? { ...m, conversions: scaleCounts(m.conversions) } : m)),
    });
    return {
      id: `snp_${spec.slug}_${index}`,
      dateUpdated: RESULTS_UPDATED,
      experimentId: experiment.id,
      phase: String(index),
      dateStart: phase.dateStarted,
      dateEnd: phase.dateEnded || RESULTS_UPDATED,
      dimension: { type: 'none' },
      settings: experiment.settings,
      queryIds: [`qry_${spec.slug}_${index}`],
      results: [row],
    };
  });
}

const env = (enabled: boolean, defaultValue: string, rules: GbFeatureEnvironment['rules'] = []): GbFeatureEnvironment => ({ enabled, defaultValue, rules });

/**
 * Four flags per project, named after the component: one rolling out, one string flag with a
 * staging override, one stale kill switch (old, no enabled rules) and one archived.
 */
function featuresOf(project: string, name: string, ownerEmail: string | undefined): GbFeature[] {
  const feature = (id: string, valueType: GbFeature['valueType'], defaultValue: string, updated: string, environments: GbFeature['environments'], archived = false): GbFeature => ({
    id, dateCreated: '2024-09-02T09:00:00.000Z', dateUpdated: updated, archived, description: `${name}: ${id.slice(name.length + 1).replace(/-/g, ' ')}`,
    owner: ownerEmail ?? '', ...(ownerEmail ? { ownerEmail } : {}), project, valueType, defaultValue, tags: [name],
    environments, revision: { version: 3, comment: '', date: updated, createdBy: ownerEmail ?? 'api', publishedBy: ownerEmail ?? 'api' },
  });
  const rollout = { id: `fr_${name}_rollout`, type: 'rollout', description: 'Gradual rollout', condition: '', enabled: true, value: 'true', coverage: 0.25, hashAttribute: 'id' };
  return [
    feature(`${name}-redesign`, 'boolean', 'false', '2025-05-28T10:00:00.000Z', { production: env(true, 'false', [rollout]), staging: env(true, 'true') }),
    feature(`${name}-copy-variant`, 'string', 'default', '2025-05-20T10:00:00.000Z', {
      production: env(true, 'default', [{ id: `fr_${name}_copy`, type: 'force', description: 'Try new copy', condition: '{"country":"GB"}', enabled: false, value: 'warm' }]),
      staging: env(true, 'default', [{ id: `fr_${name}_copy_st`, type: 'force', description: 'Try new copy', condition: '', enabled: true, value: 'warm' }]),
    }),
    feature(`${name}-kill-switch`, 'boolean', 'true', '2024-11-04T10:00:00.000Z', { production: env(true, 'true'), staging: env(false, 'true') }),
    feature(`${name}-legacy-layout`, 'json', '{"columns":3}', '2024-08-12T10:00:00.000Z', { production: env(false, '{"columns":3}'), staging: env(false, '{"columns":3}') }, true),
  ];
}

/**
 * The demo GrowthBook organisation, derived from the demo catalog: one project per
 * `growthbook.io/project` annotation, experiments from DEMO_EXPERIMENTS for the projects that
 * exist, owners from the owning team's members, four feature flags per project. Deterministic.
 */
export function seedGrowthBook(org: DemoOrganisation): GrowthBookSeed {
  const componentOf = new Map<string, CatalogEntity>();
  for (const c of org.components) {
    const project = org.annotation(c, 'growthbook.io/project');
    if (project && !componentOf.has(project)) componentOf.set(project, c);
  }
  const experiments: GbExperiment[] = [];
  const results = new Map<string, GbExperimentResults[]>();
  for (const spec of DEMO_EXPERIMENTS) {
    const component = componentOf.get(spec.project);
    if (!component) continue;
    const owners = ownersOf(org, component);
    const experiment = experimentOf(spec, owners[spec.ownerIndex % Math.max(1, owners.length)], org);
    experiments.push(experiment);
    results.set(experiment.id, resultsOf(spec, experiment));
  }
  const features = [...componentOf.entries()].flatMap(([project, c]) => {
    const owner = ownersOf(org, c)[0];
    return featuresOf(project, c.metadata.name, owner ? org.emailOf(owner) : undefined);
  });
  return { experiments, results, features };
}
