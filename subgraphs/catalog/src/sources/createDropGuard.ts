/**
 * A reload that loses most of a source's entities is far more often a mistake (a typo in the root
 * Location's `kind`, a file emptied or cut short by a failed save, a directory moved) than a
 * decision: serving it would make dozens of services vanish from every dashboard with nothing
 * marked stale. So a drop larger than `maxDropPercent` is held: the source keeps serving its last
 * good snapshot, marked stale, with a problem saying what was held and how to confirm it. The
 * drop applies once the same kind of read has been seen `confirmations` reloads in a row (saving
 * any watched file again is a reload; for Backstage, each periodic sync), or after a restart with
 * a higher threshold.
 */
import type { CatalogProblem } from '../model/types';

export interface DropGuardOptions {
  /** Largest share of the served entities (0-100) one reload may remove without being held. */
  maxDropPercent: number;
  /** Consecutive reloads that must show the drop before it applies (1 = at once). */
  confirmations: number;
  /** Where the problem points (the source's location). */
  location: string;
  /**
   * What a reload is for this source, in "If the drop is meant, <reload>": the message tells the
   * operator how to confirm. @default 'save the files again' (the YAML feed)
   */
  reload?: string;
}

export type DropVerdict =
  | { apply: true }
  /** Keep serving the previous snapshot; `problem` explains and `message` is the status' lastError. */
  | { apply: false; problem: CatalogProblem; message: string };

export interface DropGuard {
  /** Judge a new read of `next` entities against the `served` count; the first read always applies. */
  check(served: number | undefined, next: number): DropVerdict;
}

export function createDropGuard(options: DropGuardOptions): DropGuard {
  const { maxDropPercent, confirmations, location } = options;
  // How many reloads in a row have shown a drop past the threshold.
  let seen = 0;
  return {
    check(served, next) {
      const dropped = served === undefined ? 0 : served - next;
      const percent = served ? (dropped * 100) / served : 0;
      if (percent <= maxDropPercent) {
        seen = 0;
        return { apply: true };
      }
      seen += 1;
      if (seen >= confirmations) {
        seen = 0;
        return { apply: true };
      }
      const message =
        `a reload would serve ${next} of ${served} entities (${Math.round(percent)}% fewer, over CATALOG_MAX_DROP=${maxDropPercent}%): ` +
        `the last good snapshot is still served. If the drop is meant, ${options.reload ?? 'save the files again'} ` +
        `(${confirmations - seen} more reload${confirmations - seen === 1 ? '' : 's'} showing it apply it; CATALOG_DROP_CONFIRMATIONS=${confirmations}) ` +
        `or raise CATALOG_MAX_DROP; otherwise fix the problems listed with it.`;
      return { apply: false, message, problem: { kind: 'MASS_DROP', location, message: `Catalog ${message}` } };
    },
  };
}
