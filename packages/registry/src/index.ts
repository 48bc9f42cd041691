export {
  SUBGRAPHS,
  subgraphNamed,
  schemaPathOf,
  mainPathOf,
  simulatorMainPathOf,
  graphqlUrlOf,
  defaultSubgraphList,
  type SubgraphEntry,
  type ToolEntry,
} from './subgraphs';
