import type { IncidentsRequestSource } from './model/IncidentsSource';

export interface IncidentsContext {
  /** This request's view of the incident tool (its batching lives inside). */
  source: IncidentsRequestSource;
  /** The request's clock (epoch ms), read once so every field of one operation has the same default window. */
  now: number;
}
