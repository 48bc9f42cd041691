import type { ScmRequestSource } from './model/ScmSource';

export interface ScmContext {
  /** This request's view of the source-control tool (its batching lives inside). */
  source: ScmRequestSource;
  /** Clock (epoch ms) for defaults such as "the last 30 days"; injectable for tests. */
  now: () => number;
  /** SCM_ALLOW_ANY_REPOSITORY: whether `Query.repository` may name any repository. */
  allowAnyRepository: boolean;
}
