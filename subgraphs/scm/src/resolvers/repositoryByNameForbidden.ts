import { DevgraphError, ErrorCode } from '@devgraph/runtime';

/** `Query.repository` without SCM_ALLOW_ANY_REPOSITORY: FORBIDDEN, saying how to reach a repository instead. */
export function repositoryByNameForbidden(upstream: string): DevgraphError {
  return new DevgraphError(
    ErrorCode.Forbidden,
    'repository(owner, name) is off on this server: ask for a catalog entity\'s repository instead, ' +
      '`entity(ref: "component:default/<name>") { ... on Component { repository { ... } } }` ' +
      '(an operator may allow any repository with SCM_ALLOW_ANY_REPOSITORY=true).',
    { upstream, details: { setting: 'SCM_ALLOW_ANY_REPOSITORY' } },
  );
}
