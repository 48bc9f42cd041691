import type { OnCallShift } from '../../model/types';
import type { PdOncall } from './pagerDutyWire';
import { normaliseReference } from './normaliseReference';
import { normaliseUser } from './normaliseUser';

/** An `/oncalls` entry (read with `include[]=users`, so the user has a name and an email). */
export const normaliseOnCallShift = (o: PdOncall): OnCallShift => ({
  escalationLevel: o.escalation_level,
  start: o.start ?? null,
  end: o.end ?? null,
  user: normaliseUser(o.user),
  escalationPolicy: normaliseReference(o.escalation_policy),
  schedule: o.schedule ? normaliseReference(o.schedule) : null,
});
