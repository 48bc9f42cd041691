import { objectId, seedRandom } from './seedRandom';
import type { SeedCommit, SeedPullRequest, SeedRelease, SeedUser } from './seedTypes';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const HEADLINES = [
  'Fix flaky test in %s', 'Bump dependencies', 'Add metrics for %s', 'Refactor %s handler', 'Improve error messages in %s',
  'Update README', 'Tune timeouts for %s', 'Add feature flag for %s', 'Remove dead code', 'Speed up %s queries',
];

/**
 * Every pull-request state and review decision a dashboard must render, newest first: drafts,
 * approved, changes requested, review required, no review needed, merged and closed.
 */
const PR_SHAPES: Pick<SeedPullRequest, 'state' | 'isDraft' | 'reviewDecision'>[] = [
  { state: 'OPEN', isDraft: true, reviewDecision: 'REVIEW_REQUIRED' },
  { state: 'OPEN', isDraft: false, reviewDecision: 'APPROVED' },
  { state: 'OPEN', isDraft: false, reviewDecision: 'CHANGES_REQUESTED' },
  { state: 'OPEN', isDraft: false, reviewDecision: 'REVIEW_REQUIRED' },
  { state: 'OPEN', isDraft: false, reviewDecision: null },
  ...Array.from({ length: 8 }, () => ({ state: 'MERGED' as const, isDraft: false, reviewDecision: 'APPROVED' as const })),
  { state: 'CLOSED', isDraft: false, reviewDecision: 'CHANGES_REQUESTED' },
  { state: 'MERGED', isDraft: false, reviewDecision: null },
  { state: 'CLOSED', isDraft: false, reviewDecision: 'REVIEW_REQUIRED' },
];

/**
 * Commits, pull requests and releases for one repository, by its maintainers,
 * ending at `referenceMs` so a dashboard always shows recent activity. Deterministic per slug.
 */
export function seedRepositoryActivity(slug: string, maintainers: readonly SeedUser[], referenceMs: number) {
  const random = seedRandom(slug);
  const area = slug.split('/')[1]!;
  const people = maintainers.length ? maintainers : [{ login: null, name: 'Fernhollow Engineering', email: 'eng@fernhollow.com' }];

  const headlineOffset = random.int(0, HEADLINES.length - 1);
  let at = referenceMs - random.int(1, 6) * HOUR;
  const commits: SeedCommit[] = Array.from({ length: 30 }, (_, i) => {
    const bot = i % 7 === 3; // some commits are made by an account-less identity: author.user is null
    const person = people[i % people.length]!;
    const commit: SeedCommit = {
      oid: objectId(`${slug}:commit:${i}`),
      messageHeadline: HEADLINES[(i * 7 + headlineOffset) % HEADLINES.length]!.replace('%s', area),
      committedDate: iso(at),
      author: bot
        ? { name: 'Release Bot', email: 'releases@fernhollow.com', login: null }
        : { name: person.name ?? person.login ?? 'unknown', email: person.email ?? 'eng@fernhollow.com', login: person.login },
    };
    at -= random.int(3, 20) * HOUR;
    return commit;
  });

  /**
   * An open, ready pull request still needing a review asks the maintainer after its author, so
   * every team member with a GitHub login has reviews waiting in some repository; drafts, approved
   * ones and those that need no review ask nobody. No random draw: the rest of the seed is unchanged.
   */
  const reviewersOf = (shape: (typeof PR_SHAPES)[number], i: number): string[] => {
    if (shape.state !== 'OPEN' || shape.isDraft || shape.reviewDecision === 'APPROVED' || shape.reviewDecision === null) return [];
    const reviewer = people[(i + 1) % people.length]!;
    return reviewer.login && people.length > 1 ? [reviewer.login] : [];
  };

  const pullRequests: SeedPullRequest[] = PR_SHAPES.map((shape, i) => {
    const createdMs = referenceMs - (i * 40 + random.int(2, 30)) * HOUR;
    const doneMs = createdMs + random.int(2, 96) * HOUR;
    const done = shape.state !== 'OPEN';
    return {
      number: PR_SHAPES.length - i,
      title: HEADLINES[(i * 3 + headlineOffset) % HEADLINES.length]!.replace('%s', area),
      ...shape,
      // One author deleted their account: GitHub then reports the author as null.
      authorLogin: i === 6 ? null : (people[i % people.length]!.login ?? null),
      createdAt: iso(createdMs),
      updatedAt: iso(done ? doneMs : createdMs + HOUR),
      mergedAt: shape.state === 'MERGED' ? iso(doneMs) : null,
      closedAt: done ? iso(doneMs) : null,
      reviewRequestLogins: reviewersOf(shape, i),
    };
  });

  const minor = random.int(2, 9);
  const releases: SeedRelease[] = Array.from({ length: 5 }, (_, i) => {
    const prerelease = i === 0; // the newest is a release candidate, so latestRelease is the next one
    const version = prerelease ? `v1.${minor + 1}.0-rc.1` : `v1.${minor - i + 1}.0`;
    const ms = referenceMs - (i * 12 + random.int(1, 5)) * 24 * HOUR;
    return { tagName: version, name: prerelease ? `${version} (release candidate)` : version, createdAt: iso(ms), publishedAt: iso(ms + HOUR), isPrerelease: prerelease, isDraft: false };
  });

  return { commits, pullRequests, releases };
}
