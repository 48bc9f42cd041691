import type { ToolReference } from '../../model/types';
import type { PdReference } from './pagerDutyWire';

/** A policy, team or schedule: its name when PagerDuty sent the object, its summary when only a reference. */
export const normaliseReference = (r: PdReference): ToolReference => ({
  id: r.id,
  name: r.name ?? r.summary ?? null,
  url: r.html_url ?? null,
});
