import { startGithubSimulator } from '../simulator/startGithubSimulator';
import { startScmStack, TEST_TOKEN, type ScmStack } from './startScmStack';

describe('GitHub Enterprise Server base URL', () => {
  let stack: ScmStack;
  beforeAll(async () => {
    const simulator = await startGithubSimulator({ token: TEST_TOKEN });
    // GHES serves REST under /api/v3 and GraphQL at /api/graphql; GITHUB_API_URL is https://host/api.
    stack = await startScmStack({ allowAnyRepository: true, sharedSimulator: simulator, github: { apiUrl: `${simulator.url}/api` } });
  });
  afterAll(async () => {
    await stack.close();
    await stack.simulator.close();
  });

  it('posts GraphQL to ${GITHUB_API_URL}/graphql', async () => {
    const result = await stack.query(`{ repository(owner: "fernhollow", name: "checkout") { nameWithOwner } }`);
    expect(result.errors).toBeUndefined();
    expect(stack.simulator.requests.map((r) => r.path)).toEqual(['/api/graphql']);
  });
});
