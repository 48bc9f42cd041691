import type { SeedUser } from './seedTypes';

/** Where a repository keeps its CODEOWNERS, or none; chosen so the demo shows every case. */
export type CodeownersPlacement = { path: string; owner: string } | null;

/**
 * CODEOWNERS text in GitHub's syntax, with the constructs a parser must handle: comments (whole
 * line and trailing), `*`, `**`, anchored and floating directory patterns, a file glob, teams,
 * users and an email as owners, and an explicitly unowned path.
 */
export function seedCodeowners(slug: string, owner: string, maintainers: readonly SeedUser[]): string {
  const lead = maintainers.find((m) => m.login)?.login;
  return [
    `# CODEOWNERS for ${slug}`,
    '# Last matching pattern wins: put the most specific rules at the end.',
    '',
    `*                        ${owner}`,
    '/.github/                @fernhollow/platform-infra   # CI and repo settings',
    '*.sql                    dba@fernhollow.com',
    '**/migrations/           @fernhollow/platform-infra dba@fernhollow.com',
    `/docs/                   ${owner}${lead ? ` @${lead}` : ''}`,
    'docs/generated/          # generated: no owner',
    '',
  ].join('\n');
}
