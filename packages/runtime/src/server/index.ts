export * from './startSubgraphServer';
export * from './formatSubgraphError';
export * from './mountOpsEndpoints';
export * from './useOperationMetrics';
export * from './runService';
export * from './knownOperationTypesRule';
export * from './http';
export * from './useStaleExtension';
