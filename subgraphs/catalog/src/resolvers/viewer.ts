/**
 * `Query.viewer`: the caller the gateway signed into this request, resolved to their catalog
 * User, with the groups and the estate the "my" views start from. Everything is read from the
 * request's snapshot (an in-memory walk), so the whole view is built at once.
 */
import { DevgraphError, ErrorCode, type CallerIdentity } from '@devgraph/runtime';
import { normalizeEntityRef } from '@devgraph/catalog-model';
import type { CatalogContext } from '../context';
import type { CatalogEntity } from '../model/types';

export interface ViewerModel {
  user: CatalogEntity;
  groups: CatalogEntity[];
  owns: CatalogEntity[];
}

const byRef = (a: CatalogEntity, b: CatalogEntity) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

function unauthenticated(): DevgraphError {
  return new DevgraphError(
    ErrorCode.Unauthenticated,
    'viewer needs a signed-in caller, and this request has none: the gateway runs with AUTH_MODE=none (or did not sign the request). ' +
      'Call a gateway with AUTH_MODE=jwt or apikey, sending your token or API key as "Authorization: Bearer ...".',
  );
}

const emailOf = (user: CatalogEntity): string | undefined => {
  const email = (user.spec.profile as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : undefined;
};

/** The User a ref names, or null; a malformed ref or another kind is no user either. */
async function userByRef(ctx: CatalogContext, ref: string): Promise<CatalogEntity | null> {
  let normalised: string;
  try {
    normalised = normalizeEntityRef(ref);
  } catch {
    return null;
  }
  const entity = await ctx.source.entity(normalised);
  return entity?.kind.toLowerCase() === 'user' ? entity : null;
}

/** The User whose spec.profile.email is `email`, case-insensitively; the first by ref if several. */
function userByEmail(ctx: CatalogContext, email: string): CatalogEntity | null {
  const { snapshot } = ctx.source;
  const wanted = email.toLowerCase();
  return snapshot.query({ kind: ['User'] }, { first: snapshot.size }).items.find((u) => emailOf(u)?.toLowerCase() === wanted) ?? null;
}

async function findUser(ctx: CatalogContext, identity: CallerIdentity): Promise<CatalogEntity> {
  if (identity.userRef) {
    const user = await userByRef(ctx, identity.userRef);
    if (user) return user;
    throw new DevgraphError(ErrorCode.NotFound, `viewer: no catalog User has the ref "${identity.userRef}" your credentials name. Add the User to the catalog, or fix the key's \`user\` / the token's claim.`, {
      details: { userRef: identity.userRef },
    });
  }
  if (identity.email) {
    const user = userByEmail(ctx, identity.email);
    if (user) return user;
    throw new DevgraphError(ErrorCode.NotFound, `viewer: no catalog User has the email "${identity.email}" (spec.profile.email). Add it to your User entity, or use a user: ref claim.`, {
      details: { email: identity.email },
    });
  }
  throw new DevgraphError(
    ErrorCode.NotFound,
    `viewer: your credentials (${identity.kind} "${identity.subject}") name no catalog User: give the API key a \`user\`, or make sure the token carries the JWT_USER_CLAIM claim.`,
    { details: { subject: identity.subject } },
  );
}

/** The user's groups and every ancestor of them (childOf), cycle-safe, by ref. */
function groupsWithAncestors(ctx: CatalogContext, user: CatalogEntity): CatalogEntity[] {
  const { snapshot } = ctx.source;
  const seen = new Map<string, CatalogEntity>();
  const queue = snapshot.related(user.ref, 'memberOf').filter((g) => g.kind.toLowerCase() === 'group');
  for (let group = queue.shift(); group; group = queue.shift()) {
    if (seen.has(group.ref)) continue;
    seen.set(group.ref, group);
    queue.push(...snapshot.related(group.ref, 'childOf'));
  }
  return [...seen.values()].sort(byRef);
}

/**
 * What the user owns directly, plus what each group they are a member of owns with its
 * sub-groups. Ancestor groups are not counted: a department's estate is everyone's otherwise.
 */
function ownedBy(ctx: CatalogContext, user: CatalogEntity): CatalogEntity[] {
  const { snapshot } = ctx.source;
  const owned = new Map<string, CatalogEntity>();
  for (const entity of snapshot.related(user.ref, 'ownerOf')) owned.set(entity.ref, entity);
  for (const group of snapshot.related(user.ref, 'memberOf')) {
    for (const entity of snapshot.owned(group.ref, { recursive: true })) owned.set(entity.ref, entity);
  }
  return [...owned.values()].sort(byRef);
}

export async function viewer(ctx: CatalogContext): Promise<ViewerModel> {
  const { identity } = ctx;
  if (!identity || identity.kind === 'anonymous') throw unauthenticated();
  const user = await findUser(ctx, identity);
  return { user, groups: groupsWithAncestors(ctx, user), owns: ownedBy(ctx, user) };
}
