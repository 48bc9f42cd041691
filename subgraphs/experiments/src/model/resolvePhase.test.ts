import { resolvePhase } from './resolvePhase';
import type { ExperimentPhaseModel } from './types';

const phase = (name: string): ExperimentPhaseModel => ({ name, startedAt: null, endedAt: null, coverage: 1, trafficSplit: [] });
const rampThenMain = { id: 'exp_1', phases: [phase('Ramp-up'), phase('Main')] };

describe('resolvePhase', () => {
  it('defaults to the current (last) phase and keeps a phase the experiment has', () => {
    expect(resolvePhase(rampThenMain, undefined)).toBe(1);
    expect(resolvePhase(rampThenMain, null)).toBe(1);
    expect(resolvePhase(rampThenMain, 0)).toBe(0);
  });

  it('is null for an experiment without phases, whatever is asked', () => {
    expect(resolvePhase({ id: 'draft', phases: [] }, 3)).toBeNull();
  });

  it('rejects a phase the experiment does not have, naming the range', () => {
    expect(() => resolvePhase(rampThenMain, 2)).toThrow('phase must be between 0 and 1 for experiment "exp_1", got 2.');
    expect(() => resolvePhase(rampThenMain, -1)).toThrow(/between 0 and 1/);
  });
});
