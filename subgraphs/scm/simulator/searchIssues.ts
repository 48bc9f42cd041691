import { GithubError } from './GithubError';
import type { SeedPullRequest, SeedRepository } from './seedTypes';

/** One search hit: a pull request and the repository it lives in. */
export interface SearchHit {
  repo: SeedRepository;
  pr: SeedPullRequest;
}

const ORDERS: Record<string, (a: SearchHit, b: SearchHit) => number> = {
  'created-desc': (a, b) => b.pr.createdAt.localeCompare(a.pr.createdAt),
  'created-asc': (a, b) => a.pr.createdAt.localeCompare(b.pr.createdAt),
  'updated-desc': (a, b) => b.pr.updatedAt.localeCompare(a.pr.updatedAt),
  'updated-asc': (a, b) => a.pr.updatedAt.localeCompare(b.pr.updatedAt),
};

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * GitHub's issue search (`search(type: ISSUE, query: ...)`) over the seed's pull requests, for
 * the qualifiers dashboards use: `is:pr|issue|open|closed|merged|draft`, `review-requested:`,
 * `author:`, `repo:`, `org:`/`user:`, `sort:created|updated-asc|desc`; bare words match titles.
 * The seed has no issues, so `is:issue` finds nothing. Without `sort:`, newest first (GitHub's
 * "best match" has no meaning here). Another qualifier is refused rather than silently ignored,
 * so a query the simulator cannot answer faithfully fails loudly in tests.
 */
export function searchIssues(repositories: Iterable<SeedRepository>, query: string): SearchHit[] {
  const tests: ((hit: SearchHit) => boolean)[] = [];
  let order = ORDERS['created-desc']!;
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const [qualifier, value] = term.includes(':') ? (term.split(/:(.*)/s) as [string, string]) : ['', term];
    switch (`${qualifier.toLowerCase()}${qualifier === 'is' ? `:${value.toLowerCase()}` : ''}`) {
      case 'is:pr':
        break;
      case 'is:issue':
        tests.push(() => false);
        break;
      case 'is:open':
        tests.push(({ pr }) => pr.state === 'OPEN');
        break;
      case 'is:closed':
        tests.push(({ pr }) => pr.state !== 'OPEN');
        break;
      case 'is:merged':
        tests.push(({ pr }) => pr.state === 'MERGED');
        break;
      case 'is:draft':
        tests.push(({ pr }) => pr.isDraft);
        break;
      case 'review-requested':
        tests.push(({ pr }) => pr.reviewRequestLogins.some((login) => same(login, value)));
        break;
      case 'author':
        tests.push(({ pr }) => same(pr.authorLogin, value));
        break;
      case 'repo':
        tests.push(({ repo }) => same(`${repo.owner}/${repo.name}`, value));
        break;
      case 'org':
      case 'user':
        tests.push(({ repo }) => same(repo.owner, value));
        break;
      case 'sort': {
        const chosen = ORDERS[value.toLowerCase()];
        if (!chosen) throw new GithubError('INVALID_ARGUMENTS', `The simulator sorts by ${Object.keys(ORDERS).join(', ')}, not "${value}".`);
        order = chosen;
        break;
      }
      case '':
        tests.push(({ pr }) => pr.title.toLowerCase().includes(value.toLowerCase()));
        break;
      default:
        throw new GithubError('INVALID_ARGUMENTS', `The GitHub simulator's search does not support the qualifier "${qualifier}:" (query "${query}").`);
    }
  }
  const hits = [...repositories].flatMap((repo) => repo.pullRequests.map((pr) => ({ repo, pr })));
  return hits.filter((hit) => tests.every((test) => test(hit))).sort(order);
}
