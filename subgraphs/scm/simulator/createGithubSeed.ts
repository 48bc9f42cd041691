import type { CatalogEntity } from '@devgraph/catalog-model';
import type { DemoOrganisation } from '@devgraph/simulator-kit';
import { seedCodeowners } from './seedCodeowners';
import { seedLanguages } from './seedLanguages';
import { seedRepositoryActivity } from './seedRepositoryActivity';
import type { GithubSeed, SeedRepository, SeedTeam, SeedUser } from './seedTypes';

const PROJECT = 'github.com/project-slug';
const TEAM = 'github.com/team-slug';
const LOGIN = 'github.com/user-login';
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * Repositories whose CODEOWNERS disagrees with the catalog (another team is the default owner),
 * and one with no CODEOWNERS at all: the drift devgraph exists to make visible.
 */
const DISAGREEING_OWNER: Record<string, string> = { 'fernhollow/orders': '@fernhollow/platform-infra', 'fernhollow/listings': '@fernhollow/search-discovery' };
const WITHOUT_CODEOWNERS = new Set(['fernhollow/seller-insights']);
/** Keeps a stale root CODEOWNERS next to the `.github/` one, which GitHub prefers. */
const WITH_SHADOWED_ROOT_FILE = new Set(['fernhollow/payments']);

/**
 * The GitHub side of the demo organisation: users from `github.com/user-login`, teams from
 * `github.com/team-slug` (nested by the catalog's parent, members from memberOf), and one
 * repository per distinct `github.com/project-slug`, maintained by the owning team, written in
 * the languages its components' tags name.
 */
export function createGithubSeed(org: DemoOrganisation, referenceDate: Date): GithubSeed {
  const users = new Map<string, SeedUser>();
  const userByRef = new Map<string, SeedUser>();
  for (const entity of org.users) {
    const login = org.annotation(entity, LOGIN);
    if (!login) continue;
    const profile = entity.spec.profile as { displayName?: string } | undefined;
    const user = { login, name: profile?.displayName ?? null, email: org.emailOf(entity) ?? null };
    users.set(login.toLowerCase(), user);
    userByRef.set(entity.ref, user);
  }

  const teams = new Map<string, SeedTeam>();
  const organisations = new Set<string>();
  const teamSlugOf = (group: CatalogEntity | undefined) => (group ? org.annotation(group, TEAM) : undefined);
  const membersOf = (group: CatalogEntity) => org.index.related(group.ref, 'hasMember').flatMap((u) => userByRef.get(u.ref) ?? []);
  for (const group of org.groups) {
    const combined = teamSlugOf(group);
    if (!combined) continue;
    const [teamOrg, slug] = combined.split('/') as [string, string];
    organisations.add(teamOrg.toLowerCase());
    const profile = group.spec.profile as { displayName?: string } | undefined;
    teams.set(combined.toLowerCase(), {
      org: teamOrg,
      slug,
      name: profile?.displayName ?? slug,
      description: group.metadata.description ?? null,
      parent: teamSlugOf(org.index.related(group.ref, 'childOf')[0]) ?? null,
      memberLogins: membersOf(group).map((u) => u.login),
    });
  }

  const repositories = new Map<string, SeedRepository>();
  // The component named like its repository describes it (payments, not its subcomponent fraud-check).
  const repoName = (c: CatalogEntity) => org.annotation(c, PROJECT)?.split('/')[1];
  const components = [...org.components].sort((a, b) => Number(repoName(b) === b.metadata.name) - Number(repoName(a) === a.metadata.name));
  // Tags of every component in a repository, the describing component's first: payments and
  // fraud-check share one codebase, so both speak for its languages.
  const tagsBySlug = new Map<string, string[]>();
  for (const component of components) {
    const slug = org.annotation(component, PROJECT)?.toLowerCase();
    if (slug) tagsBySlug.set(slug, [...(tagsBySlug.get(slug) ?? []), ...component.metadata.tags]);
  }
  components.forEach((component) => {
    const slug = org.annotation(component, PROJECT);
    if (!slug || repositories.has(slug.toLowerCase())) return; // fraud-check shares payments' repository
    const [owner, name] = slug.split('/') as [string, string];
    organisations.add(owner.toLowerCase());
    const ownerEntity = org.index.related(component.ref, 'ownedBy')[0];
    const ownerIsUser = ownerEntity?.ref.startsWith('user:');
    const maintainers = ownerIsUser ? [userByRef.get(ownerEntity!.ref)].flatMap((u) => u ?? []) : ownerEntity ? membersOf(ownerEntity) : [];
    const ownerHandle = ownerIsUser ? `@${maintainers[0]?.login ?? 'fernhollow'}` : `@${teamSlugOf(ownerEntity) ?? 'fernhollow/engineering'}`;
    const activity = seedRepositoryActivity(slug, maintainers, referenceDate.getTime());
    const languages = seedLanguages(slug, String(component.spec.type ?? 'service'), tagsBySlug.get(slug.toLowerCase()) ?? []);
    const files: Record<string, string> = { 'README.md': `# ${name}\n\n${component.metadata.description ?? ''}\n` };
    if (!WITHOUT_CODEOWNERS.has(slug)) {
      const path = CODEOWNERS_PATHS[repositories.size % CODEOWNERS_PATHS.length]!;
      files[WITH_SHADOWED_ROOT_FILE.has(slug) ? '.github/CODEOWNERS' : path] = seedCodeowners(slug, DISAGREEING_OWNER[slug] ?? ownerHandle, maintainers);
      if (WITH_SHADOWED_ROOT_FILE.has(slug)) files.CODEOWNERS = '# Superseded by .github/CODEOWNERS\n* @fernhollow/checkout-orders\n';
    }
    repositories.set(slug.toLowerCase(), {
      owner,
      name,
      description: component.metadata.description ?? null,
      // The design system is open source; services are private, as at most companies.
      isPrivate: component.spec.type !== 'library',
      isArchived: false,
      defaultBranch: 'main',
      files,
      languages,
      ...activity,
    });
  });
  return { repositories, teams, users, organisations };
}
