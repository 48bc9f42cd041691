import type { TeamModel } from '../../model/types';
import type { RawTeam } from './githubWire';
import { normaliseUser } from './normaliseUser';

/** A GitHub team with up to 100 members; `parentSlug` is the parent's `org/team`. */
export const normaliseTeam = (t: RawTeam): TeamModel => ({
  combinedSlug: t.combinedSlug,
  slug: t.slug,
  name: t.name,
  description: t.description,
  url: t.url,
  parentSlug: t.parentTeam?.combinedSlug ?? null,
  membersCount: t.members.totalCount,
  members: t.members.nodes.map(normaliseUser),
});
