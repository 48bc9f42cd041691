import type { OperationMeasure } from './measureOperation';

/** The limits an operation is held to; each one a gateway variable (see `config.ts`). */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxRootFields: number;
}

export interface LimitViolation {
  /** The measure's name, also its key in `extensions` (`cost`), next to `max<Name>` (`maxCost`). */
  measure: 'depth' | 'cost' | 'aliases' | 'directives' | 'rootFields';
  value: number;
  max: number;
  /** How the message says it, e.g. `cost 100501 exceeds the limit of 10000`. */
  phrase: string;
}

const CHECKS: { measure: LimitViolation['measure']; limit: keyof QueryLimits; says: string }[] = [
  { measure: 'depth', limit: 'maxDepth', says: 'depth' },
  { measure: 'cost', limit: 'maxCost', says: 'cost' },
  { measure: 'aliases', limit: 'maxAliases', says: 'aliases' },
  { measure: 'directives', limit: 'maxDirectives', says: 'directives' },
  { measure: 'rootFields', limit: 'maxRootFields', says: 'root fields' },
];

/** Every limit the operation exceeds, so one answer tells the client all it has to change. */
export function limitViolations(measure: OperationMeasure, limits: QueryLimits): LimitViolation[] {
  return CHECKS.filter((c) => measure[c.measure] > limits[c.limit]).map((c) => ({
    measure: c.measure,
    value: measure[c.measure],
    max: limits[c.limit],
    phrase: `${c.says} ${measure[c.measure]} exceeds the limit of ${limits[c.limit]}`,
  }));
}

/** `extensions` of the rejection: each exceeded measure and its limit, e.g. `{ cost, maxCost }`. */
export function violationDetails(violations: readonly LimitViolation[]): Record<string, number> {
  const details: Record<string, number> = {};
  for (const v of violations) {
    details[v.measure] = v.value;
    details[`max${v.measure[0]!.toUpperCase()}${v.measure.slice(1)}`] = v.max;
  }
  return details;
}
