import { languagesOfTags, seedLanguages } from './seedLanguages';

const names = (languages: { name: string }[]) => languages.map((l) => l.name);
const largest = (languages: { name: string; size: number }[]) => [...languages].sort((a, b) => b.size - a.size)[0]!.name;

describe('seedLanguages (a demo repository written in what the catalog says)', () => {
  it('reads only the tags that name a language, in tag order', () => {
    expect(languagesOfTags(['typescript', 'graphql', 'node'])).toEqual(['TypeScript']);
    expect(languagesOfTags(['pci', 'Kotlin', 'java', 'kotlin'])).toEqual(['Kotlin', 'Java']);
    expect(languagesOfTags(['buyer-facing'])).toEqual([]);
  });

  it('makes the first language tag the primary language, with over half the bytes', () => {
    const languages = seedLanguages('fernhollow/payments', 'service', ['java', 'spring-boot', 'pci']);
    expect(names(languages)).toEqual(['Java', 'Shell', 'Dockerfile']);
    const total = languages.reduce((sum, l) => sum + l.size, 0);
    expect(languages[0]!.size / total).toBeGreaterThan(0.5);
    expect(languages[0]!.color).toBe('#b07219');
  });

  it('keeps further language tags and adds what a repository of that kind holds', () => {
    expect(names(seedLanguages('o/mixed', 'service', ['kotlin', 'java']))).toEqual(['Kotlin', 'Java', 'Shell', 'Dockerfile']);
    expect(names(seedLanguages('o/web', 'website', ['typescript', 'react']))).toEqual(['TypeScript', 'CSS', 'HTML', 'JavaScript']);
    expect(names(seedLanguages('o/ui', 'library', ['typescript']))).toEqual(['TypeScript', 'CSS', 'MDX']);
    expect(names(seedLanguages('o/ml', 'service', ['python', 'machine-learning']))).toContain('Jupyter Notebook');
  });

  it('picks a primary language only for a repository without a language tag, the same one every time', () => {
    const untagged = seedLanguages('o/untagged', 'service', ['rest']);
    expect(['Go', 'Kotlin', 'TypeScript', 'Python']).toContain(largest(untagged));
    expect(seedLanguages('o/untagged', 'service', ['rest'])).toEqual(untagged);
    expect(largest(seedLanguages('o/site', 'website', []))).toBe('TypeScript');
  });
});
