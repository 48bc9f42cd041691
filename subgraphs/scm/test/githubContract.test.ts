import { getNamedType, Kind, parse, TypeInfo, validate, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { loadGithubSchema } from '../simulator/githubSchema';
import { buildGithubQuery, groupUnits } from '../src/sources/github/buildGithubQuery';
import type { RepositoryPart } from '../src/model/RepositoryPart';
import type { GithubKey } from '../src/sources/github/githubKeys';

/** Every part with the argument shapes devgraph can produce (bounds included). */
const PARTS: RepositoryPart[] = [
  { kind: 'info' },
  { kind: 'commits', first: 0 },
  { kind: 'commits', first: 1 },
  { kind: 'commits', first: 100 },
  { kind: 'pullRequests', states: [], first: 0 },
  { kind: 'pullRequests', states: ['OPEN'], first: 100 },
  { kind: 'pullRequests', states: ['CLOSED', 'MERGED'], first: 10 },
  { kind: 'pullRequests', states: ['OPEN'], first: 0 },
  { kind: 'languages' },
  { kind: 'releases', first: 0 },
  { kind: 'releases', first: 100 },
  { kind: 'latestRelease' },
  { kind: 'codeowners' },
  { kind: 'pullRequestWindow' },
];

const KEYS: GithubKey[] = [
  ...PARTS.map((part) => ({ type: 'repo' as const, owner: 'fernhollow', name: 'checkout', part })),
  { type: 'repo', owner: 'fernhollow', name: 'cart', part: { kind: 'info' } },
  { type: 'team', org: 'fernhollow', slug: 'checkout-orders' },
  { type: 'user', login: 'gmwangi' },
  { type: 'reviewRequests', login: 'gmwangi', first: 10 },
  { type: 'reviewRequests', login: 'lschultz', first: 0 },
];

/** GitHub's pagination rules (`first`/`last` 1..100 wherever records are selected), which schema validation alone does not check. */
function paginationProblems(schema: GraphQLSchema, document: DocumentNode): string[] {
  const problems: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const type = typeInfo.getType();
      if (!type || !getNamedType(type).name.endsWith('Connection')) return;
      const selectsRecords = node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges'));
      const bound = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
      if (selectsRecords && !bound) problems.push(`${node.name.value}: nodes without first/last`);
      if (bound?.value.kind === Kind.INT && Number(bound.value.value) > 100) problems.push(`${node.name.value}: more than 100`);
      if (bound?.value.kind === Kind.INT && Number(bound.value.value) < 1) problems.push(`${node.name.value}: fewer than 1`);
    },
  }));
  return problems;
}

describe("contract: every query devgraph sends is valid against GitHub's real schema", () => {
  const schema = loadGithubSchema();

  it('validates the batch query with every part, a team, a user and review-request searches', () => {
    const plan = buildGithubQuery(groupUnits(KEYS));
    const document = parse(plan.query);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    expect(paginationProblems(schema, document)).toEqual([]);
  });

  it('declares every variable it passes, as String!', () => {
    const plan = buildGithubQuery(groupUnits(KEYS));
    for (const name of Object.keys(plan.variables)) expect(plan.query).toContain(`$${name}: String!`);
  });

  it('asks for the rate-limit budget in every query', () => {
    for (const keys of [KEYS.slice(0, 1), KEYS.slice(-1)]) {
      expect(buildGithubQuery(groupUnits(keys)).query).toContain('rateLimit { cost remaining resetAt limit }');
    }
  });
});
