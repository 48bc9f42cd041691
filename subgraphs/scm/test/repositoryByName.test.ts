import { startScmStack, type ScmStack } from './startScmStack';

const BY_NAME = '{ repository(owner: "fernhollow", name: "checkout") { name } entities(first: 1) { totalCount } }';
const THROUGH_CATALOG = '{ entity(ref: "component:default/checkout") { ... on Component { repository { nameWithOwner } } } }';

/**
 * `Query.repository(owner, name)` would let any caller make the server's GitHub token read any
 * repository it can. By default it is FORBIDDEN (GitHub is not called) and a catalog entity's
 * repository is the way in; SCM_ALLOW_ANY_REPOSITORY=true turns it on.
 */
describe('scm: repository by name is off unless allowed', () => {
  let stack: ScmStack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('answers FORBIDDEN without calling GitHub, pointing at the entity path, which still works', async () => {
    stack = await startScmStack();
    const result = await stack.query<{ repository: unknown; entities: { totalCount: number } }>(BY_NAME);
    expect(result.data).toEqual({ repository: null, entities: { totalCount: expect.any(Number) } });
    expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.subgraph])).toEqual([[['repository'], 'FORBIDDEN', 'scm']]);
    expect(result.errors?.[0]?.message).toContain('... on Component { repository');
    expect(result.errors?.[0]?.message).toContain('SCM_ALLOW_ANY_REPOSITORY');
    expect(stack.githubCalls()).toBe(0);

    const entity = await stack.query(THROUGH_CATALOG);
    expect(entity.errors).toBeUndefined();
    expect(entity.data).toEqual({ entity: { repository: { nameWithOwner: 'fernhollow/checkout' } } });
  });

  it('serves any repository with SCM_ALLOW_ANY_REPOSITORY', async () => {
    stack = await startScmStack({ allowAnyRepository: true });
    const result = await stack.query(BY_NAME);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ repository: { name: 'checkout' } });
  });
});
