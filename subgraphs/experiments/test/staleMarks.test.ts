import { startExperimentsStack, type ExperimentsStack } from './startExperimentsStack';

interface Marked {
  stale: boolean;
  fetchedAt: string | null;
}
type Experiment = Marked & { id: string; results: Marked | null };
interface Checkout {
  entity: { experiments: Experiment[] };
  experiment: Experiment;
}

/**
 * Stale GrowthBook data says so, the way every subgraph says it: on the field (`Experiment.stale`,
 * `ExperimentResults.stale`, with `fetchedAt`) and for the whole response in `extensions.stale`,
 * which the gateway passes on from the subgraph.
 */
describe('experiments: stale GrowthBook data is marked through the gateway', () => {
  let stack: ExperimentsStack;
  beforeAll(async () => {
    stack = await startExperimentsStack();
  });
  afterAll(() => stack.close());

  it('marks nothing while GrowthBook answers, then marks the cached experiments, results and the response once it fails', async () => {
    const query = (id: string) => `{
      entity(ref: "component:default/checkout") { ... on Component { experiments { id stale fetchedAt results { stale fetchedAt } } } }
      experiment(id: "${id}") { id stale fetchedAt results { stale fetchedAt } }
    }`;
    const listed = await stack.query<Checkout>(query('none-yet').replace(/experiment\(id:[^\n]*\n/, ''));
    const analysed = listed.data!.entity.experiments.find((e) => e.results !== null)!;
    expect(analysed).toBeDefined();

    const fresh = await stack.query<Checkout>(query(analysed.id));
    expect(fresh.errors).toBeUndefined();
    const fetchedAt = analysed.fetchedAt!;
    expect(Date.parse(fetchedAt)).not.toBeNaN();
    expect(fresh.data!.entity.experiments.every((e) => e.stale === false && e.fetchedAt === fetchedAt)).toBe(true);
    expect(fresh.data!.experiment).toMatchObject({ stale: false, results: { stale: false } });
    expect(fresh.extensions?.stale).toBeUndefined();

    // Past every cache freshness (results: 900 s), and GrowthBook down: the cache answers, marked.
    stack.advanceClock(1_000);
    stack.simulator!.inject({ pathIncludes: '/api/v1', status: 503, body: { message: 'unavailable' } });
    const stale = await stack.query<Checkout>(query(analysed.id));
    expect(stale.errors).toBeUndefined();
    expect(stale.data!.entity.experiments.map((e) => [e.id, e.stale, e.fetchedAt])).toEqual(fresh.data!.entity.experiments.map((e) => [e.id, true, fetchedAt]));
    expect(stale.data!.experiment).toEqual({ ...fresh.data!.experiment, stale: true, results: { ...fresh.data!.experiment.results, stale: true } });
    expect(stale.extensions?.stale).toEqual([{ upstream: 'growthbook', storedAt: fetchedAt }]);
  });
});
