/**
 * The bad-input corpus: descriptors that break Backstage's rules, one violation per document,
 * fed through the gateway. Each must be rejected on its own, with the reason and where it is
 * (file, YAML document, line), while every valid neighbour in the same files still loads.
 *
 * Corpus files, the descriptor-format fixtures of @devgraph/catalog-model (test/fixtures):
 * invalid/ (one violation per document, shared with readCatalogFiles.test.ts), bad-input/
 * (names, required spec fields, kinds, YAML errors), duplicates/ (one ref declared in two files)
 * and broken-yaml.yaml.
 */
import path from 'node:path';
import { startStack, type Stack } from '../../../test/support/startStack';

const fixture = (...parts: string[]) => path.join(__dirname, '../../../packages/catalog-model/test/fixtures', ...parts);

type Case = [file: string, documentIndex: number, line: number, kind: string, entityRef: string | null, reason: string];

const NAME_RULE = 'does not match ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$ (letters and digits, optionally separated by "-", "_" or ".", at most 63 characters)';
const NAMESPACE_RULE = 'does not match ^[a-z0-9]+(?:-[a-z0-9]+)*$ (lower-case letters and digits separated by "-", at most 63 characters)';
const LONG_NAME = 'a-name-that-is-much-too-long-for-backstage-because-it-exceeds-63';
const LONG_NAMESPACE = 'a-namespace-that-is-much-too-long-for-backstage-it-exceeds-63-ch';

/** Every problem the corpus must produce, and nothing else. `reason` is contained in the message. */
const CORPUS: Case[] = [
  ['invalid/entities.yaml', 0, 3, 'INVALID_ENTITY', 'component:default/wrong-api-version', 'apiVersion "backstage.io/v2" is not supported'],
  ['invalid/entities.yaml', 1, 10, 'INVALID_ENTITY', null, 'kind "Widget" is not one of component, api, system, domain, resource, group, user, location'],
  ['invalid/entities.yaml', 2, 18, 'INVALID_ENTITY', null, `metadata.name "Bad Name!" ${NAME_RULE}`],
  ['invalid/entities.yaml', 3, 26, 'INVALID_ENTITY', null, `metadata.namespace "Billing_Team" ${NAMESPACE_RULE}`],
  ['invalid/entities.yaml', 4, 34, 'INVALID_ENTITY', 'component:default/payments', 'Component "payments": spec.owner is required'],
  ['invalid/entities.yaml', 5, 42, 'INVALID_ENTITY', 'api:default/no-definition', 'spec.definition is required'],
  ['invalid/entities.yaml', 6, 48, 'INVALID_ENTITY', 'system:default/ownerless-system', 'System "ownerless-system": spec.owner is required'],
  ['invalid/entities.yaml', 7, 54, 'INVALID_ENTITY', 'domain:default/ownerless-domain', 'Domain "ownerless-domain": spec.owner is required'],
  ['invalid/entities.yaml', 8, 60, 'INVALID_ENTITY', 'resource:default/typeless-db', 'spec.type is required'],
  ['invalid/entities.yaml', 9, 66, 'INVALID_ENTITY', 'group:default/childless', 'spec.children is required'],
  ['invalid/entities.yaml', 10, 73, 'INVALID_ENTITY', 'user:default/carol', 'spec.memberOf must be a list of entity refs, found the string "team-a"'],
  ['invalid/entities.yaml', 11, 79, 'INVALID_ENTITY', 'location:default/nowhere', 'spec.target or spec.targets is required'],
  ['invalid/entities.yaml', 12, 86, 'INVALID_ENTITY', 'component:default/bad-tags', 'metadata.tags must be a list of strings'],
  ['invalid/entities.yaml', 13, 95, 'INVALID_ENTITY', 'component:default/bad-annotation', 'must be a string, found the number 12345'],
  ['invalid/entities.yaml', 14, 104, 'INVALID_ENTITY', 'component:default/bad-link', 'metadata.links[0].url is required'],
  ['invalid/entities.yaml', 15, 108, 'INVALID_ENTITY', 'component:default/no-spec', 'spec is required'],
  ['invalid/entities.yaml', 16, 113, 'INVALID_ENTITY', null, 'the document is a string of 13 characters'],
  ['invalid/entities.yaml', 17, 122, 'INVALID_ENTITY', 'component:default/misindented', 'unknown top-level field "owner"'],
  ['bad-input/names.yaml', 0, 6, 'INVALID_ENTITY', null, `metadata.name "${LONG_NAME}" ${NAME_RULE}`],
  ['bad-input/names.yaml', 2, 19, 'INVALID_ENTITY', null, `metadata.name "-leading-dash" ${NAME_RULE}`],
  ['bad-input/names.yaml', 3, 25, 'INVALID_ENTITY', null, 'Component (unnamed): metadata.name is required'],
  ['bad-input/names.yaml', 4, 34, 'INVALID_ENTITY', null, `metadata.namespace "${LONG_NAMESPACE}" ${NAMESPACE_RULE}`],
  ['bad-input/specs.yaml', 0, 6, 'INVALID_ENTITY', 'api:default/ownerless-api', 'API "ownerless-api": spec.owner is required'],
  ['bad-input/specs.yaml', 1, 12, 'INVALID_ENTITY', 'resource:default/ownerless-db', 'Resource "ownerless-db": spec.owner is required'],
  ['bad-input/specs.yaml', 2, 19, 'INVALID_ENTITY', 'component:default/numeric-owner', 'spec.owner must be a string, found the number 42'],
  ['bad-input/specs.yaml', 3, 22, 'INVALID_ENTITY', null, 'Entity "kindless": kind is required'],
  ['bad-input/specs.yaml', 4, 27, 'INVALID_ENTITY', null, 'kind "Template" is not one of component, api, system, domain, resource, group, user, location'],
  // The entity loads; only the relation it cannot name is dropped.
  ['bad-input/specs.yaml', 6, 39, 'INVALID_ENTITY', 'component:default/kindless-dependency', 'spec.dependsOn[0]: Entity ref "specs-ok" has no kind'],
  ['bad-input/yaml-errors.yaml', 1, 11, 'INVALID_YAML', null, 'Map keys must be unique at line 11'],
  ['bad-input/yaml-errors.yaml', 2, 18, 'INVALID_YAML', null, 'Tabs are not allowed as indentation at line 18'],
  ['broken-yaml.yaml', 1, 15, 'INVALID_YAML', null, 'Flow sequence in block collection must be sufficiently indented'],
  ['duplicates/b.yaml', 1, 7, 'DUPLICATE_REF', 'component:default/dup', `kept ${fixture('duplicates/a.yaml')} (document 0, line 1), ignored ${fixture('duplicates/b.yaml')} (document 1, line 7)`],
];

/** What still loads from the same files. */
const NEIGHBOURS = [
  'component:default/after-broken',
  'component:default/before-broken',
  'component:default/dup',
  'component:default/kindless-dependency',
  'component:default/name-ok',
  'component:default/specs-ok',
  'component:default/survivor',
  'component:default/unique',
  'component:default/yaml-ok-after',
  'component:default/yaml-ok-before',
  'group:default/team-a',
];

interface Problem {
  kind: string;
  location: string | null;
  documentIndex: number | null;
  line: number | null;
  entityRef: string | null;
  message: string;
}

describe('bad input corpus through the gateway', () => {
  let stack: Stack;
  let problems: Problem[];
  beforeAll(async () => {
    stack = await startStack({ catalogPaths: [fixture('invalid'), fixture('bad-input'), fixture('duplicates'), fixture('broken-yaml.yaml')] });
    const result = await stack.query<{ catalogProblems: Problem[] }>('{ catalogProblems { kind location documentIndex line entityRef message } }');
    expect(result.errors).toBeUndefined();
    problems = result.data!.catalogProblems;
  });
  afterAll(() => stack.close());

  it.each(CORPUS)('rejects %s document %i (line %i) as %s: %s / %s', (file, documentIndex, line, kind, entityRef, reason) => {
    const found = problems.filter((p) => p.location === fixture(file) && p.documentIndex === documentIndex);
    expect(found).toEqual([{ kind, location: fixture(file), documentIndex, line, entityRef, message: expect.stringContaining(reason) }]);
  });

  it('reports nothing beyond the corpus', () => {
    const key = (location: string | null, documentIndex: number | null) => `${location}#${documentIndex}`;
    expect(problems.map((p) => key(p.location, p.documentIndex)).sort()).toEqual(CORPUS.map(([file, doc]) => key(fixture(file), doc)).sort());
  });

  it('loads every valid neighbour of a rejected document', async () => {
    const result = await stack.query<{ entities: { totalCount: number; nodes: { ref: string }[] } }>('{ entities(first: 500) { totalCount nodes { ref } } }');
    expect(result.data?.entities.nodes.map((n) => n.ref)).toEqual(NEIGHBOURS);
  });

  it('names the file and document in a YAML error message, so it reads on its own', () => {
    const yaml = problems.find((p) => p.kind === 'INVALID_YAML' && p.documentIndex === 2);
    expect(yaml?.message).toBe(`YAML document 2 of ${fixture('bad-input/yaml-errors.yaml')} cannot be parsed: Tabs are not allowed as indentation at line 18, column 1`);
  });
});
