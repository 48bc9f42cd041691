export * from './CallerIdentity';
export * from './isLoopbackHost';
export * from './isSchemaQuery';
export * from './readSubgraphTrust';
export * from './requireSignedRequests';
export * from './stableStringify';
export * from './subgraphSignature';
export * from './verifySubgraphRequest';
