import type { GithubLoader, GithubSource } from './sources/github/createGithubSource';

export interface ScmContext {
  loaders: {
    /** Repository parts, teams and users: everything one operation asks becomes one GitHub call. */
    github: GithubLoader;
  };
  /** The clock resolvers use for defaults such as "the last 30 days"; injectable for tests. */
  now: () => Date;
}

export function createScmContext(source: GithubSource, now: () => Date = () => new Date()): ScmContext {
  return { loaders: { github: source.createLoader() }, now };
}
