import { startScmStack, type ScmStack } from './startScmStack';

/**
 * Catalog tags that name a language, as GitHub spells it lower-cased. Written out here rather
 * than imported from the simulator, so the test checks the simulator instead of repeating it.
 */
const LANGUAGE_TAGS = new Set(['go', 'java', 'kotlin', 'python', 'typescript', 'javascript', 'php', 'ruby', 'rust', 'scala']);

type Node = { ref: string; tags: string[]; repository: { nameWithOwner: string; languages: { name: string; share: number }[] } | null };

describe('demo GitHub languages agree with the catalog', () => {
  let stack: ScmStack;
  beforeAll(async () => {
    stack = await startScmStack();
  });
  afterAll(() => stack.close());

  it("every component with a language tag and a repository has that language as the repository's main one", async () => {
    const result = await stack.query<{ entities: { nodes: Node[] } }>(
      `{ entities(filter: { kind: ["Component"] }, first: 100) { nodes { ref tags ... on Component { repository { nameWithOwner languages { name share } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const checked = result.data!.entities.nodes.flatMap((node) => {
      const tag = node.tags.find((t) => LANGUAGE_TAGS.has(t));
      return tag && node.repository ? [{ ref: node.ref, tag, languages: node.repository.languages }] : [];
    });
    // Every demo component with a repository is tagged with its language (fraud-check shares payments').
    expect(checked).toHaveLength(15);
    for (const { ref, tag, languages } of checked) {
      expect({ ref, main: languages[0]?.name.toLowerCase() }).toEqual({ ref, main: tag });
      expect({ ref, share: languages[0]!.share > 0.5 }).toEqual({ ref, share: true });
    }
  });
});
