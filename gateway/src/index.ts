/** The gateway's entry point for tools and tests; the process entry is main.ts. */
export { startGateway, type RunningGateway } from './startGateway';
export { readGatewayConfig, DEFAULT_SUBGRAPHS, type GatewayConfig, type SubgraphEndpoint } from './config';
export { composeFromRepo } from './supergraph/composeFromRepo';
export { loadApiKeys } from './auth/loadApiKeys';
export { documentHash } from './edge/trustedDocuments/buildTrustedDocuments';
