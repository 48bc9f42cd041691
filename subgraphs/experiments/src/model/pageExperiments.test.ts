import { experimentCursor } from './experimentCursor';
import { experimentPageSize, filterExperiments, pageExperiments } from './pageExperiments';
import type { ExperimentModel } from './types';

const experiment = (id: string, extra: Partial<ExperimentModel> = {}) => ({ id, status: 'RUNNING', archived: false, ...extra }) as ExperimentModel;
const all = ['e5', 'e4', 'e3', 'e2', 'e1'].map((id) => experiment(id));

describe('pageExperiments', () => {
  it('pages after the experiment a cursor names, so a boundary stays put when newer ones arrive', () => {
    const first = pageExperiments(all, 2);
    expect(first).toMatchObject({ items: [{ id: 'e5' }, { id: 'e4' }], hasNextPage: true, hasPreviousPage: false, totalCount: 5 });
    const grown = [experiment('e6'), ...all];
    expect(pageExperiments(grown, 2, first.cursors[1]).items.map((e) => e.id)).toEqual(['e3', 'e2']);
  });

  it('still reads cursors in the form devgraph issued before the shared codec (base64url of experiment:<id>)', () => {
    const saved = Buffer.from('experiment:e4').toString('base64url');
    expect(experimentCursor.encode('e4')).toBe(saved);
    expect(pageExperiments(all, 1, saved).items.map((e) => e.id)).toEqual(['e3']);
  });

  it('rejects a cursor of another list and one naming an experiment that left the list, as BAD_USER_INPUT', () => {
    const entityCursor = Buffer.from('entity:component:default/x').toString('base64url');
    expect(() => pageExperiments(all, 1, entityCursor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => pageExperiments(all, 1, experimentCursor.encode('gone'))).toThrow(/no longer in this list/);
  });
});

describe('experimentPageSize', () => {
  it('defaults to 20 and allows 0..100', () => {
    expect([experimentPageSize(undefined), experimentPageSize(null), experimentPageSize(0), experimentPageSize(100)]).toEqual([20, 20, 0, 100]);
    expect(() => experimentPageSize(101)).toThrow(/first must be between 0 and 100, got 101/);
    expect(() => experimentPageSize(-1)).toThrow(/first must be between 0 and 100/);
  });
});

describe('filterExperiments', () => {
  it('leaves archived experiments out unless asked, and filters by status', () => {
    const list = [experiment('a'), experiment('b', { archived: true }), experiment('c', { status: 'STOPPED' })];
    expect(filterExperiments(list, {}).map((e) => e.id)).toEqual(['a', 'c']);
    expect(filterExperiments(list, { includeArchived: true }).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(filterExperiments(list, { status: 'STOPPED' }).map((e) => e.id)).toEqual(['c']);
  });
});
