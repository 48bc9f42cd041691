import type { ReviewRequestListModel } from '../../model/types';
import type { RawPullRequestSearch } from './githubWire';
import { pullRequest } from './normaliseRepoPart';

/**
 * The review-request search, newest first whatever order GitHub used (search results can come in
 * "best match" order); `issueCount` is GitHub's total, even past the page.
 */
export function normaliseReviewRequests(raw: RawPullRequestSearch): ReviewRequestListModel {
  const nodes = (raw.nodes ?? [])
    // An ISSUE search may also return issues (nodes without PR fields); only pull requests count.
    .filter((node) => typeof node?.number === 'number' && node.repository)
    .map(({ repository, ...pr }) => ({ repository: repository.nameWithOwner, pullRequest: pullRequest(pr) }))
    .sort((a, b) => Date.parse(b.pullRequest.createdAt) - Date.parse(a.pullRequest.createdAt));
  return { totalCount: raw.issueCount, nodes };
}
