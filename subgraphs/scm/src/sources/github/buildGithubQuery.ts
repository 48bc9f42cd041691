import type { RepositoryPart } from '../../model/RepositoryPart';
import { partId, unitOf, type GithubKey } from './githubKeys';

/** One repository, team or user in a query: its alias and the keys it answers. */
export interface QueryUnit {
  id: string;
  alias: string;
  keys: GithubKey[];
}

export interface GithubQuery {
  query: string;
  variables: Record<string, string>;
  units: QueryUnit[];
}

export interface QueryLimits {
  /** Most repositories/teams/users per query. */
  maxUnitsPerQuery: number;
  /**
   * Most connection nodes per query. GitHub refuses queries over 500,000 nodes and gets slow
   * (10 s timeout) well before; 50,000 keeps a 50-repo dashboard in one call with room to spare.
   */
  maxNodesPerQuery: number;
}

const RELEASE_FIELDS = 'tagName name publishedAt url isPrerelease isDraft';
const PULL_REQUEST_FIELDS = 'number title url state author { login } createdAt isDraft reviewDecision mergedAt closedAt';

/** GitHub's search for the open pull requests awaiting one account's review. */
export const reviewRequestsSearch = (login: string) => `is:pr is:open review-requested:${login} sort:created-desc`;
const codeownersAt = (alias: string, path: string) => `${alias}: object(expression: "HEAD:${path}") { ... on Blob { text } }`;

/** Where GitHub looks for CODEOWNERS, in its order of precedence. */
export const CODEOWNERS_LOCATIONS = [
  { alias: 'codeowners_github', path: '.github/CODEOWNERS' },
  { alias: 'codeowners_root', path: 'CODEOWNERS' },
  { alias: 'codeowners_docs', path: 'docs/CODEOWNERS' },
] as const;

/**
 * The selection for one part; every part but `info` is aliased by `partId`, so arguments can
 * differ. GitHub takes `first` 1..100 only: a page of 0 asks for no records (only the count, for
 * pull requests; nothing at all for commits and releases, which read as empty).
 */
function partSelection(part: RepositoryPart): string | undefined {
  const alias = partId(part);
  switch (part.kind) {
    case 'info':
      return 'nameWithOwner name owner { login } url description isArchived isPrivate pushedAt defaultBranchRef { name }';
    case 'commits':
      if (part.first === 0) return undefined;
      return `${alias}: defaultBranchRef { target { ... on Commit { history(first: ${part.first}) { nodes { oid messageHeadline committedDate url author { name email user { login } } } } } } }`;
    case 'pullRequests': {
      const states = part.states.length ? `states: [${part.states.join(', ')}]` : '';
      if (part.first === 0) return `${alias}: pullRequests${states ? `(${states})` : ''} { totalCount }`;
      return `${alias}: pullRequests(${states ? `${states}, ` : ''}first: ${part.first}, orderBy: {field: CREATED_AT, direction: DESC}) { totalCount nodes { ${PULL_REQUEST_FIELDS} } }`;
    }
    case 'languages':
      return 'languages(first: 25, orderBy: {field: SIZE, direction: DESC}) { totalSize edges { size node { name color } } }';
    case 'releases':
      if (part.first === 0) return undefined;
      return `${alias}: releases(first: ${part.first}, orderBy: {field: CREATED_AT, direction: DESC}) { nodes { ${RELEASE_FIELDS} } }`;
    case 'latestRelease':
      return `latestRelease { ${RELEASE_FIELDS} }`;
    case 'codeowners':
      return CODEOWNERS_LOCATIONS.map((l) => codeownersAt(l.alias, l.path)).join(' ');
    case 'pullRequestWindow':
      return 'prw_merged: pullRequests(states: [MERGED], first: 100, orderBy: {field: UPDATED_AT, direction: DESC}) { totalCount nodes { createdAt mergedAt } } prw_open: pullRequests(states: [OPEN]) { totalCount }';
  }
}

/** Rough node count of a part, the measure GitHub's limits use (connection sizes). */
function partNodes(part: RepositoryPart): number {
  switch (part.kind) {
    case 'commits':
    case 'releases':
    case 'pullRequests':
      return part.first;
    case 'languages':
      return 25;
    case 'pullRequestWindow':
      return 101;
    default:
      return 1;
  }
}

const unitNodes = (unit: QueryUnit) =>
  unit.keys.reduce((sum, key) => sum + (key.type === 'repo' ? partNodes(key.part) : key.type === 'team' ? 101 : key.type === 'reviewRequests' ? key.first : 1), 0);

/** Group keys by repository/team/user, in first-seen order. */
export function groupUnits(keys: readonly GithubKey[]): QueryUnit[] {
  const units = new Map<string, QueryUnit>();
  for (const key of keys) {
    const id = unitOf(key);
    const unit = units.get(id) ?? { id, alias: '', keys: [] };
    if (!unit.keys.some((k) => k.type === 'repo' && key.type === 'repo' && partId(k.part) === partId(key.part))) unit.keys.push(key);
    units.set(id, unit);
  }
  return [...units.values()];
}

/** Split units into chunks that each fit one query under the limits. */
export function chunkUnits(units: QueryUnit[], limits: QueryLimits): QueryUnit[][] {
  const chunks: QueryUnit[][] = [];
  let current: QueryUnit[] = [];
  let nodes = 0;
  for (const unit of units) {
    const size = unitNodes(unit);
    if (current.length > 0 && (current.length >= limits.maxUnitsPerQuery || nodes + size > limits.maxNodesPerQuery)) {
      chunks.push(current);
      current = [];
      nodes = 0;
    }
    current.push(unit);
    nodes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * One aliased query for a chunk: `r0: repository(owner: $r0_owner, name: $r0_name) { ... }` per
 * repository with the union of the parts asked for it, teams and users alike, and always
 * `rateLimit` so every call reports the remaining budget. Names travel as variables (never
 * spliced into the text); only our own validated enums and numbers are inlined.
 */
export function buildGithubQuery(chunk: QueryUnit[]): GithubQuery {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  const units = chunk.map((unit, i) => ({ ...unit, alias: `${unit.keys[0]!.type[0]}${i}` }));
  for (const unit of units) {
    const first = unit.keys[0]!;
    const a = unit.alias;
    if (first.type === 'repo') {
      variables[`${a}_owner`] = first.owner;
      variables[`${a}_name`] = first.name;
      declarations.push(`$${a}_owner: String!`, `$${a}_name: String!`);
      // `info` is always included: it is how a missing repository is told apart from an empty part.
      const parts: RepositoryPart[] = [{ kind: 'info' }, ...unit.keys.flatMap((k) => (k.type === 'repo' && k.part.kind !== 'info' ? [k.part] : []))];
      const selection = parts.map(partSelection).filter((s) => s !== undefined);
      fields.push(`${a}: repository(owner: $${a}_owner, name: $${a}_name) { ${selection.join(' ')} }`);
    } else if (first.type === 'team') {
      variables[`${a}_org`] = first.org;
      variables[`${a}_slug`] = first.slug;
      declarations.push(`$${a}_org: String!`, `$${a}_slug: String!`);
      fields.push(`${a}: organization(login: $${a}_org) { team(slug: $${a}_slug) { slug combinedSlug name description url parentTeam { combinedSlug } members(first: 100) { totalCount nodes { login name url avatarUrl } } } }`);
    } else if (first.type === 'reviewRequests') {
      // The login travels inside the search string, as a variable: never spliced into the query text.
      variables[`${a}_query`] = reviewRequestsSearch(first.login);
      declarations.push(`$${a}_query: String!`);
      const nodes = first.first === 0 ? '' : ` nodes { ... on PullRequest { ${PULL_REQUEST_FIELDS} repository { nameWithOwner } } }`;
      fields.push(`${a}: search(query: $${a}_query, type: ISSUE${first.first === 0 ? '' : `, first: ${first.first}`}) { issueCount${nodes} }`);
    } else {
      variables[`${a}_login`] = first.login;
      declarations.push(`$${a}_login: String!`);
      fields.push(`${a}: user(login: $${a}_login) { login name url avatarUrl }`);
    }
  }
  const query = `query devgraphBatch(${declarations.join(', ')}) {\n  ${fields.join('\n  ')}\n  rateLimit { cost remaining resetAt limit }\n}`;
  return { query, variables, units };
}
