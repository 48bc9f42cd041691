export {
  SUBGRAPHS,
  subgraphNamed,
  schemaPathOf,
  mainPathOf,
  simulatorMainPathOf,
  graphqlUrlOf,
  defaultSubgraphList,
  allSecretVars,
  type SubgraphEntry,
  type ToolEntry,
} from './subgraphs';
