import type { ChangeEvent } from '../../model/types';
import type { PdChangeEvent } from './pagerDutyWire';

/** A change event; links without an `href` (PagerDuty allows them) are dropped. */
export const normaliseChangeEvent = (e: PdChangeEvent): ChangeEvent => ({
  id: e.id,
  summary: e.summary,
  timestamp: e.timestamp,
  source: e.source ?? null,
  links: (e.links ?? []).flatMap((l) => (typeof l.href === 'string' ? [{ href: l.href, text: l.text ?? null }] : [])),
  serviceIds: (e.services ?? []).map((s) => s.id),
});
