/** The catalog subgraph's entry point: its process definition and the parts tests and tools start it from. */
export { subgraph } from './subgraph';
export { createCatalogSubgraph } from './createCatalogSubgraph';
export { readCatalogConfig, type CatalogConfig } from './config';
// The tool's simulator, for tests and demos (not loaded by the production entry, main.ts).
export { startBackstageSimulator as startSimulator } from '../simulator/startBackstageSimulator';
