import type { Responder } from '../../model/types';
import type { PdUser } from './pagerDutyWire';

/** A user in full (with `include[]=users`/`assignees`) or as a reference, whose email is then unknown. */
export const normaliseUser = (u: PdUser): Responder => ({
  id: u.id,
  name: u.name ?? u.summary ?? null,
  email: u.email ?? null,
  url: u.html_url ?? null,
});
