/** The experiments subgraph's entry point: its process definition and the parts tests and tools start it from. */
export { subgraph } from './subgraph';
export { createExperimentsSubgraph } from './createExperimentsSubgraph';
export { readExperimentsConfig, type ExperimentsConfig } from './config';
// The tool's simulator, for tests and demos (not loaded by the production entry, main.ts).
export { startGrowthBookSimulator as startSimulator } from '../simulator/startGrowthBookSimulator';
