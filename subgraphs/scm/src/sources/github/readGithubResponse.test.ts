import type { RepositoryPart } from '../../model/RepositoryPart';
import { buildGithubQuery, groupUnits } from './buildGithubQuery';
import { keyOf, type GithubKey } from './githubKeys';
import { readGithubResponse } from './readGithubResponse';

const key = (name: string, part: RepositoryPart): GithubKey => ({ type: 'repo', owner: 'fernhollow', name, part });
const INFO = { nameWithOwner: 'fernhollow/bare', name: 'bare', owner: { login: 'fernhollow' }, url: 'https://github.com/fernhollow/bare', description: null, isArchived: false, isPrivate: true, pushedAt: null, defaultBranchRef: null };

describe('readGithubResponse', () => {
  const keys = [key('bare', { kind: 'codeowners' }), key('bare', { kind: 'latestRelease' }), key('bare', { kind: 'languages' }), key('gone', { kind: 'codeowners' })];
  const plan = buildGithubQuery(groupUnits(keys));
  // An empty repository as GitHub answers it: the parts are null, the repository is not.
  const data = { r0: { ...INFO, codeowners_github: null, codeowners_root: null, codeowners_docs: null, latestRelease: null, languages: null }, r1: null };
  const results = readGithubResponse(plan, data, [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository', path: ['r1'] }]);

  it('reads a part the repository does not have as found, with its empty value', () => {
    expect(results.get(keyOf(keys[0]!))).toEqual({ found: true, value: null });
    expect(results.get(keyOf(keys[1]!))).toEqual({ found: true, value: null });
    expect(results.get(keyOf(keys[2]!))).toEqual({ found: true, value: [] });
  });

  it('reads a repository GitHub does not know as not found, whatever part was asked', () => {
    expect(results.get(keyOf(keys[3]!))).toEqual({ found: false });
  });
});
