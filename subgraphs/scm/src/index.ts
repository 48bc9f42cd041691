/** The scm subgraph's entry point: its process definition and the parts tests and tools start it from. */
export { subgraph } from './subgraph';
export { createScmSubgraph } from './createScmSubgraph';
export { readScmConfig, type ScmConfig } from './config';
// The tool's simulator, for tests and demos (not loaded by the production entry, main.ts).
export { startGithubSimulator as startSimulator } from '../simulator/startGithubSimulator';
