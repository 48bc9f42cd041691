/**
 * @devgraph/catalog-model: the Backstage descriptor model as devgraph reads it, with no server,
 * no GraphQL and no upstream client. The catalog subgraph serves it; the simulators seed their
 * tools from it; the benchmarks measure it. Import from here, never from `src/...`.
 */
export * from './types';

// Entities: refs, validation, relations (Backstage's rules).
export {
  DEFAULT_NAMESPACE,
  ENTITY_NAME_RULE,
  NAMESPACE_RULE,
  isValidEntityName,
  isValidNamespace,
  normalizeEntityRef,
  parseEntityRef,
  stringifyEntityRef,
  type ParseEntityRefContext,
} from './entity/entityRef';
export { SUPPORTED_API_VERSIONS, validateEntity, type EntityValidation, type EntityViolation } from './entity/validateEntity';
export { RELATION_TYPES, entityRelations, type EntityRelationsResult, type SpecRelation } from './entity/entityRelations';
export { describeSource } from './entity/describeSource';

// The immutable in-memory index: lookups, relations both ways, filtered pages, graph walks.
export { createCatalogIndex, type CatalogIndex } from './catalogIndex/createCatalogIndex';
export type { EntityPageRequest } from './catalogIndex/createEntityQuery';
export type { TraversalDirection, TraversalOptions } from './catalogIndex/createEntityGraph';
export { MAX_TRAVERSAL_DEPTH } from './catalogIndex/traverseRelations';

// Descriptor files on disk: multi-document YAML, Locations followed, last good version kept.
export { readCatalogFiles, type CatalogFiles, type FileState, type ReadCatalogFilesOptions } from './yaml/readCatalogFiles';
export type { WatchTarget } from './yaml/watchTargetFor';
