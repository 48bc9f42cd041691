/**
 * The catalog's in-memory model: what the YAML reader (or a Backstage backend) produces and the
 * index serves. Tool-neutral and API-neutral: the catalog subgraph maps its GraphQL types onto
 * `CatalogEntity`, and the simulators seed their tools from it.
 */

/** Backstage kinds devgraph understands, lower-case as they appear in entity refs. */
export const KNOWN_KINDS = ['component', 'api', 'system', 'domain', 'resource', 'group', 'user', 'location'] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

export interface EntityRefParts {
  /** Lower-case kind, e.g. `component`. */
  kind: string;
  namespace: string;
  name: string;
}

export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

export interface EntityMetadata {
  name: string;
  namespace: string;
  title?: string;
  description?: string;
  tags: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  links: EntityLink[];
}

/** Backstage relation types, each with its reverse. */
export type RelationType =
  | 'ownedBy' | 'ownerOf'
  | 'partOf' | 'hasPart'
  | 'dependsOn' | 'dependencyOf'
  | 'providesApi' | 'apiProvidedBy'
  | 'consumesApi' | 'apiConsumedBy'
  | 'memberOf' | 'hasMember'
  | 'childOf' | 'parentOf';

export interface EntityRelation {
  type: RelationType;
  /** Full ref of the target, `kind:namespace/name`; may dangle (target not in the catalog). */
  targetRef: string;
}

export interface EntitySourceLocation {
  /** Absolute path of the file the descriptor came from. */
  file: string;
  /** Index of the YAML document within the file, from 0. */
  documentIndex: number;
  /** 1-based line where the document starts, where known. */
  line?: number;
}

export interface CatalogEntity {
  /** `kind:namespace/name`, kind lower-case: the federation key. */
  ref: string;
  apiVersion: string;
  /** Kind as written in the descriptor, e.g. `Component`. */
  kind: string;
  metadata: EntityMetadata;
  /** spec as written, validated for the kind's required fields. */
  spec: Record<string, unknown>;
  source: EntitySourceLocation;
  /** Relations in both directions, computed by the index from every entity's spec. */
  relations: EntityRelation[];
  /**
   * Relations a source already computed (a Backstage backend sends its `relations` array).
   * When present the index uses them instead of deriving relations from the spec.
   */
  declaredRelations?: { type: string; targetRef: string }[];
}

export type CatalogProblemKind =
  | 'UNREADABLE_SOURCE'
  | 'INVALID_YAML'
  | 'INVALID_ENTITY'
  | 'DUPLICATE_REF'
  | 'DANGLING_REFERENCE'
  | 'LOCATION_CYCLE'
  /** A reload would have removed too many of a source's entities; the last good snapshot is served. */
  | 'MASS_DROP';

export interface CatalogProblem {
  kind: CatalogProblemKind;
  /** File path (or configured path pattern) concerned. */
  location?: string;
  documentIndex?: number;
  line?: number;
  entityRef?: string;
  message: string;
}

export interface EntityFilter {
  kind?: string[] | null;
  namespace?: string | null;
  type?: string | null;
  lifecycle?: string | null;
  /** Owner ref, defaulted like spec.owner (`team-a` -> `group:default/team-a`). */
  owner?: string | null;
  /** System ref, defaulted (`payments` -> `system:default/payments`). */
  system?: string | null;
  tag?: string | null;
  text?: string | null;
  /** Domain ref, defaulted (`shopping` -> `domain:default/shopping`): its systems and their entities. */
  domain?: string | null;
  /** Annotation key that must be present. */
  annotation?: string | null;
  /** With `annotation`: the exact value it must have. */
  annotationValue?: string | null;
  /** With `owner`: also entities owned by the owner's descendant groups (childOf/parentOf). */
  ownerIncludingSubgroups?: boolean | null;
}

/** What `entityFacets` can count by. */
export type EntityFacetField = 'KIND' | 'TYPE' | 'LIFECYCLE' | 'OWNER' | 'SYSTEM' | 'DOMAIN' | 'NAMESPACE' | 'TAG';

export interface FacetCount {
  value: string;
  count: number;
}

/** One entity reached by a transitive query, with how it was reached. */
export interface EntityPath {
  entity: CatalogEntity;
  /** Steps from the start, from 1. */
  depth: number;
  /** From the start entity (included) to `entity` (included): depth + 1 entities. */
  path: CatalogEntity[];
}

/** One page of a filtered listing, in ref order. */
export interface EntityQueryPage {
  items: CatalogEntity[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}
