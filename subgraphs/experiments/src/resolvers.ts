import { connectionResolvers, notFound } from '@devgraph/runtime';
import type { Resolvers } from './generated/types';
import type { ExperimentsContext } from './context';
import type { ExperimentModel } from './model/types';
import { experimentPageSize, filterExperiments, pageExperiments } from './model/pageExperiments';
import { isFeatureStale } from './model/isFeatureStale';
import { resolvePhase } from './model/resolvePhase';
import { summarizeResults } from './model/summarizeResults';

/** Results of the phase a client means (see resolvePhase); `null` when there is nothing to analyse. */
async function resultsOf(experiment: ExperimentModel, phase: number | null | undefined, ctx: ExperimentsContext) {
  const index = resolvePhase(experiment, phase);
  return index === null ? null : ctx.source.results(experiment, index);
}

export const resolvers: Resolvers = {
  Query: {
    async experiment(_root, { id }, ctx) {
      const experiment = await ctx.source.experiment(id);
      if (!experiment) throw notFound(`GrowthBook experiment "${id}"`, { upstream: ctx.source.upstream, details: { id } });
      return experiment;
    },
    async experiments(_root, { project, status, first, after, includeArchived }, ctx) {
      const size = experimentPageSize(first);
      const { experiments } = await ctx.source.experimentsOfProject(project ?? null);
      return pageExperiments(filterExperiments(experiments, { status, includeArchived }), size, after);
    },
  },
  Component: {
    // The gateway sends `{ ref, growthbookProject }`; nothing to look up.
    __resolveReference: (representation) => representation,
    async experiments(component, { status, first, includeArchived }, ctx) {
      if (!component.growthbookProject) return null;
      const size = experimentPageSize(first);
      const { experiments } = await ctx.source.experimentsOfProject(component.growthbookProject);
      return filterExperiments(experiments, { status, includeArchived }).slice(0, size);
    },
    async featureFlags(component, { includeArchived }, ctx) {
      if (!component.growthbookProject) return null;
      const flags = await ctx.source.featureFlagsOfProject(component.growthbookProject);
      return includeArchived ? flags : flags.filter((f) => !f.archived);
    },
  },
  User: {
    __resolveReference: (representation) => representation,
    async experimentsOwned(user, { status, first }, ctx) {
      const size = experimentPageSize(first);
      const email = user.email?.trim().toLowerCase();
      if (!email) return [];
      // One list of all projects per operation, however many users ask: GrowthBook cannot filter by owner.
      const { experiments } = await ctx.source.experimentsOfProject(null);
      return filterExperiments(experiments.filter((e) => e.ownerEmail === email), { status }).slice(0, size);
    },
  },
  Experiment: {
    __resolveReference: ({ id }, ctx) => ctx.source.experiment(id),
    winner: (e) => e.variants.find((v) => v.id === e.winnerVariantId) ?? null,
    results: (e, { phase }, ctx) => resultsOf(e, phase, ctx),
    async summary(e, _args, ctx) {
      const results = await resultsOf(e, null, ctx);
      return results ? summarizeResults(results) : null;
    },
  },
  ExperimentConnection: {
    ...connectionResolvers(),
  },
  FeatureFlag: {
    stale: (flag, _args, ctx) => isFeatureStale(flag, ctx.now()),
  },
};
