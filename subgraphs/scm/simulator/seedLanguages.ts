import { seedRandom } from './seedRandom';
import type { SeedRepository } from './seedTypes';

/** GitHub's (linguist's) names and colours for the languages the demo can show. */
const COLOURS = {
  TypeScript: '#3178c6', JavaScript: '#f1e05a', Go: '#00ADD8', Kotlin: '#A97BFF', Java: '#b07219',
  Python: '#3572A5', PHP: '#4F5D95', Ruby: '#701516', Rust: '#dea584', Scala: '#c22d40', 'C#': '#178600',
  Swift: '#F05138', Elixir: '#6e4a7e', CSS: '#663399', HTML: '#e34c26', Shell: '#89e051',
  Dockerfile: '#384d54', MDX: '#fcb32c', 'Jupyter Notebook': '#DA5B0B',
} as const;
type Language = keyof typeof COLOURS;

/**
 * Catalog tags that name a programming language (Backstage tags are lower-case), mapped to the
 * name GitHub reports. Tags such as `graphql` or `node` describe an API style or a runtime, not
 * what the repository is written in, so they are deliberately absent.
 */
const LANGUAGE_BY_TAG: Record<string, Language> = {
  typescript: 'TypeScript', javascript: 'JavaScript', go: 'Go', golang: 'Go', kotlin: 'Kotlin', java: 'Java',
  python: 'Python', php: 'PHP', ruby: 'Ruby', rust: 'Rust', scala: 'Scala', csharp: 'C#', swift: 'Swift', elixir: 'Elixir',
};

/** The languages a catalog's tags name, in tag order, without repeats. */
export function languagesOfTags(tags: readonly string[]): Language[] {
  return [...new Set(tags.flatMap((tag) => LANGUAGE_BY_TAG[tag.toLowerCase()] ?? []))];
}

/** What usually sits next to the main code in a repository of this kind. */
function companions(primary: Language, type: string, tags: readonly string[]): Language[] {
  const web = primary === 'TypeScript' || primary === 'JavaScript';
  const around: Language[] =
    type === 'website' ? ['CSS', 'HTML', 'JavaScript']
      : type === 'library' && web ? ['CSS', 'MDX']
        : ['Shell', 'Dockerfile'];
  // Data-science services keep their notebooks next to the code.
  return tags.includes('machine-learning') ? ['Jupyter Notebook', ...around] : around;
}

/**
 * A repository's languages by bytes, derived from the catalog tags of the components it holds
 * (first language tag = primary language, so GitHub and the catalog agree), with the companions
 * a repository of that type has. Only a repository with no language tag gets a random primary.
 * The primary language always holds more than half the bytes. Deterministic per slug.
 */
export function seedLanguages(slug: string, type: string, tags: readonly string[]): SeedRepository['languages'] {
  const random = seedRandom(`${slug}:languages`);
  const tagged = languagesOfTags(tags);
  const fallback: Language = type === 'website' || type === 'library' ? 'TypeScript' : random.pick(['Go', 'Kotlin', 'TypeScript', 'Python'] as const);
  const primary = tagged[0] ?? fallback;
  const names = [...new Set<Language>([primary, ...tagged.slice(1), ...companions(primary, type, tags)])];
  let left = random.int(400_000, 2_000_000);
  return names.map((name, i) => {
    // The first takes 60-85% of everything; each next one part of what is left, the last the rest.
    const size = i === names.length - 1 ? left : Math.floor(left * (i === 0 ? random.int(60, 85) / 100 : random.int(40, 70) / 100));
    left -= size;
    return { name, color: COLOURS[name], size };
  });
}
