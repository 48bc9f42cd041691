import { UpstreamError } from '@devgraph/runtime';
import type { GithubQuery } from './buildGithubQuery';
import { keyOf, NOT_FOUND_ENTRY, type GithubEntry } from './githubKeys';
import { GITHUB } from './githubPolicy';
import type { GithubGraphqlError, RawPullRequestSearch, RawRepository, RawTeam, RawUser } from './githubWire';
import { normaliseRepoPart } from './normaliseRepoPart';
import { normaliseReviewRequests } from './normaliseReviewRequests';
import { normaliseTeam } from './normaliseTeam';
import { normaliseUser } from './normaliseUser';

/** GitHub's error types that mean "you may not see this", per repository/team/user. */
const STATUS_BY_TYPE: Record<string, number> = { FORBIDDEN: 403, INSUFFICIENT_SCOPES: 403 };

/**
 * Splits one answer back into per-key results: a found value (which may itself be `null`: a part
 * the repository does not have), not found when GitHub does not know the repository/team/user
 * (NOT_FOUND on the alias, or a null team), or an Error for that unit alone (e.g. FORBIDDEN on
 * one SAML-protected repository). The rest of the batch is unaffected.
 */
export function readGithubResponse(
  plan: GithubQuery,
  data: Record<string, unknown> | null | undefined,
  errors: readonly GithubGraphqlError[],
): Map<string, GithubEntry | Error> {
  const results = new Map<string, GithubEntry | Error>();
  for (const unit of plan.units) {
    const own = errors.filter((e) => e.path?.[0] === unit.alias);
    const raw = data?.[unit.alias];
    const failure = own.find((e) => e.type !== 'NOT_FOUND');
    let value: (key: (typeof unit.keys)[number]) => GithubEntry | Error;
    if (failure) {
      const error = new UpstreamError({
        upstream: GITHUB,
        message: `GitHub refused ${unit.id.replace(':', ' ')}: ${failure.type ?? 'error'}: ${failure.message}`,
        // FORBIDDEN maps to its status; other types have none and surface as UPSTREAM_ERROR.
        status: failure.type ? STATUS_BY_TYPE[failure.type] : undefined,
        kind: 'http',
      });
      value = () => error;
    } else if (raw === null || raw === undefined) {
      value = () => NOT_FOUND_ENTRY;
    } else {
      value = (key) => {
        if (key.type === 'repo') return { found: true, value: normaliseRepoPart(raw as RawRepository, key.part) };
        if (key.type === 'team') {
          const team = (raw as { team: RawTeam | null }).team;
          return team ? { found: true, value: normaliseTeam(team) } : NOT_FOUND_ENTRY;
        }
        if (key.type === 'reviewRequests') return { found: true, value: normaliseReviewRequests(raw as RawPullRequestSearch) };
        return { found: true, value: normaliseUser(raw as RawUser) };
      };
    }
    for (const key of unit.keys) results.set(keyOf(key), value(key));
  }
  return results;
}
