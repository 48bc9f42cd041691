export { useGraphiql, type GraphiqlOptions } from './useGraphiql';
export { graphiqlAssets } from './graphiqlAssets';
export { loadExampleOperations, type ExampleOperation } from './loadExampleOperations';
