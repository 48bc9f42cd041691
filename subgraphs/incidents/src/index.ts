/** The incidents subgraph's entry point: its process definition and the parts tests and tools start it from. */
export { subgraph } from './subgraph';
export { createIncidentsSubgraph } from './createIncidentsSubgraph';
export { readIncidentsConfig, type IncidentsConfig } from './config';
// The tool's simulator, for tests and demos (not loaded by the production entry, main.ts).
export { startPagerDutySimulator as startSimulator } from '../simulator/startPagerDutySimulator';
