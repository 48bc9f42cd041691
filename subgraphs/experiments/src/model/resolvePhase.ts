import { badUserInput } from '@devgraph/runtime';
import type { ExperimentModel } from './types';

/**
 * The phase index a client means: the one it names, or the current (last) one when it names none,
 * as GrowthBook's UI defaults. `null` when the experiment has no phase yet (nothing to analyse);
 * BAD_USER_INPUT for a phase the experiment does not have.
 */
export function resolvePhase(experiment: Pick<ExperimentModel, 'id' | 'phases'>, phase: number | null | undefined): number | null {
  if (experiment.phases.length === 0) return null;
  if (phase === null || phase === undefined) return experiment.phases.length - 1;
  if (!Number.isInteger(phase) || phase < 0 || phase >= experiment.phases.length) {
    throw badUserInput(`phase must be between 0 and ${experiment.phases.length - 1} for experiment "${experiment.id}", got ${phase}.`, { phase });
  }
  return phase;
}
