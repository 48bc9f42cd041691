/**
 * The parts of GrowthBook's REST v1 wire format devgraph reads (OpenAPI `components.schemas`
 * Experiment, ExperimentResults, FeatureV1, PaginationFields). Fields we do not read are left
 * out; the simulator's contract test checks the full shapes against the OpenAPI file.
 */

export interface GbPagination {
  limit: number;
  offset: number;
  count: number;
  total: number;
  hasMore: boolean;
  nextOffset: number | null;
}

export interface GbVariation {
  variationId: string;
  key: string;
  name: string;
  description: string;
  screenshots: string[];
}

export interface GbPhase {
  name: string;
  /** GrowthBook sends `""` for a date that is not set (a running phase's end). */
  dateStarted: string;
  dateEnded: string;
  reasonForStopping: string;
  seed: string;
  coverage: number;
  trafficSplit: { variationId: string; weight: number }[];
  targetingCondition: string;
}

export interface GbAnalysisSettings {
  datasourceId: string;
  assignmentQueryId: string;
  experimentId: string;
  segmentId: string;
  queryFilter: string;
  inProgressConversions: 'include' | 'exclude';
  attributionModel: 'firstExposure' | 'experimentDuration' | 'lookbackOverride';
  statsEngine: 'bayesian' | 'frequentist';
  goals: { metricId: string; overrides: Record<string, unknown> }[];
  secondaryMetrics: { metricId: string; overrides: Record<string, unknown> }[];
  guardrails: { metricId: string; overrides: Record<string, unknown> }[];
}

export interface GbExperiment {
  id: string;
  trackingKey: string;
  dateCreated: string;
  dateUpdated: string;
  name: string;
  type: 'standard' | 'multi-armed-bandit' | 'holdout';
  project: string;
  hypothesis: string;
  description: string;
  tags: string[];
  /** A GrowthBook user id (or a legacy name/email); `ownerEmail` is the resolved email. */
  owner: string;
  ownerEmail?: string;
  archived: boolean;
  /** `draft`, `running` or `stopped`. */
  status: string;
  autoRefresh: boolean;
  hashAttribute: string;
  hashVersion: 1 | 2;
  variations: GbVariation[];
  phases: GbPhase[];
  settings: GbAnalysisSettings;
  resultSummary?: {
    /** `won`, `lost`, `inconclusive`, `dnf` (did not finish). */
    status: string;
    /** A variationId, or "" when none was picked. */
    winner: string;
    conclusions: string;
    releasedVariationId: string;
    excludeFromPayload: boolean;
  };
}

export interface GbAnalysis {
  engine: 'bayesian' | 'frequentist';
  numerator: number;
  denominator: number;
  mean: number;
  stddev: number;
  /** Relative change vs control as a fraction (0.042 = +4.2%); so are ciLow/ciHigh. */
  percentChange: number;
  ciLow: number;
  ciHigh: number;
  pValue?: number;
  risk?: number;
  chanceToBeatControl?: number;
}

export interface GbResultRow {
  dimension: string;
  totalUsers: number;
  checks: { srm: number };
  metrics: {
    metricId: string;
    metricName?: string;
    variations: { variationId: string; variationName?: string; users?: number; analyses: GbAnalysis[] }[];
  }[];
}

export interface GbExperimentResults {
  id: string;
  dateUpdated: string;
  experimentId: string;
  phase: string;
  dateStart: string;
  dateEnd: string;
  dimension: { type: string; id?: string };
  settings: GbAnalysisSettings;
  queryIds: string[];
  results: GbResultRow[];
}

export interface GbFeatureRule {
  id: string;
  type: string;
  description: string;
  condition?: string;
  enabled: boolean;
  value?: string;
  coverage?: number;
  hashAttribute?: string;
}

export interface GbFeatureEnvironment {
  enabled: boolean;
  defaultValue: string;
  rules: GbFeatureRule[];
  definition?: string;
}

export interface GbFeature {
  id: string;
  dateCreated: string;
  dateUpdated: string;
  archived: boolean;
  description: string;
  owner: string;
  ownerEmail?: string;
  project: string;
  valueType: 'boolean' | 'string' | 'number' | 'json';
  defaultValue: string;
  tags: string[];
  environments: Record<string, GbFeatureEnvironment>;
  revision: { version: number; comment: string; date: string; createdBy: string; publishedBy: string };
}

/** `GET /v1/experiments/{id}`. */
export interface GbExperimentResponse {
  experiment: GbExperiment;
}

/** `GET /v1/experiments/{id}/results`. */
export interface GbExperimentResultsResponse {
  result: GbExperimentResults;
}

/** Every non-2xx answer GrowthBook itself gives (a proxy in front of it may send HTML instead). */
export interface GbErrorBody {
  message: string;
}
