import { parseCodeowners, ruleForPath } from './parseCodeowners';
import { compileCodeownersPattern } from './compileCodeownersPattern';

const ownersOf = (text: string, path: string) => ruleForPath(parseCodeowners(text, 'CODEOWNERS').rules, path)?.owners ?? [];

describe('parseCodeowners', () => {
  it('reads patterns and owners, skipping comments and blank lines, keeping line numbers', () => {
    const parsed = parseCodeowners('# owners\n\n*   @fernhollow/web   # trailing comment\n/docs/ docs@fernhollow.com @gmwangi\n', 'CODEOWNERS');
    expect(parsed.rules).toEqual([
      { pattern: '*', owners: ['@fernhollow/web'], line: 3 },
      { pattern: '/docs/', owners: ['docs@fernhollow.com', '@gmwangi'], line: 4 },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('skips lines GitHub rejects (negation, ranges, bad owners) and says why', () => {
    const parsed = parseCodeowners('!secret.txt @a\n[ab].js @a\n*.md not-an-owner\n*.ts @ok\n', 'CODEOWNERS');
    expect(parsed.rules.map((r) => r.pattern)).toEqual(['*.ts']);
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 2, 3]);
  });

  it('keeps a pattern with no owners: the path is explicitly unowned', () => {
    expect(ownersOf('/apps/ @octocat\n/apps/github\n', 'apps/github/x.rb')).toEqual([]);
    expect(ownersOf('/apps/ @octocat\n/apps/github\n', 'apps/other/x.rb')).toEqual(['@octocat']);
  });

  it('handles escaped spaces and escaped # in patterns', () => {
    expect(ownersOf('my\\ file.txt @a\n\\#notes.md @b\n', 'dir/my file.txt')).toEqual(['@a']);
    expect(ownersOf('my\\ file.txt @a\n\\#notes.md @b\n', '#notes.md')).toEqual(['@b']);
  });
});

describe('ruleForPath (last match wins)', () => {
  const file = [
    '* @fernhollow/everyone',
    '*.js @js-owner',
    '*.go docs@example.com',
    '/build/logs/ @doctocat',
    'docs/* docs@example.com',
    'apps/ @octocat',
    '**/logs @logs-team',
    '/scripts/** @fernhollow/platform-infra',
  ].join('\n');

  it.each([
    ['README.md', '@fernhollow/everyone'],
    ['src/deep/app.js', '@js-owner'],
    ['main.go', 'docs@example.com'],
    ['build/logs/today.txt', '@logs-team'],
    ['docs/getting-started.md', 'docs@example.com'],
    ['docs/build-app/troubleshooting.md', '@fernhollow/everyone'],
    ['services/apps/index.ts', '@octocat'],
    ['deep/nested/logs/a.txt', '@logs-team'],
    ['scripts/ci/run.sh', '@fernhollow/platform-infra'],
  ])('%s is owned by %s', (path, owner) => {
    expect(ownersOf(file, path)).toEqual([owner]);
  });

  it('anchors patterns with a slash to the root, and lets others match at any depth', () => {
    expect(compileCodeownersPattern('/docs/')!.test('docs/a.md')).toBe(true);
    expect(compileCodeownersPattern('/docs/')!.test('x/docs/a.md')).toBe(false);
    expect(compileCodeownersPattern('docs/')!.test('x/docs/a.md')).toBe(true);
    expect(compileCodeownersPattern('src/app')!.test('other/src/app/a.ts')).toBe(false);
    expect(compileCodeownersPattern('a/**/b')!.test('a/b')).toBe(true);
    expect(compileCodeownersPattern('a/**/b')!.test('a/x/y/b/c.txt')).toBe(true);
    expect(compileCodeownersPattern('*.js')!.test('a.jsx')).toBe(false);
    expect(compileCodeownersPattern('?.md')!.test('a.md')).toBe(true);
  });

  it('is case-sensitive like GitHub, and ignores a leading slash in the asked path', () => {
    expect(ownersOf('/Docs/ @a', 'docs/x.md')).toEqual([]);
    expect(ownersOf('/docs/ @a', '/docs/x.md')).toEqual(['@a']);
  });

  it('returns nothing when no rule matches', () => {
    expect(ruleForPath(parseCodeowners('/docs/ @a', 'CODEOWNERS').rules, 'src/x.ts')).toBeUndefined();
  });
});
