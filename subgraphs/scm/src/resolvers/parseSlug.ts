import { badUserInput } from '@devgraph/runtime';
import type { RepositorySlug } from '../model/types';

const OWNER_AND_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]*))\/([A-Za-z0-9._-]+)$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*)$/;

/** `owner/name` from an annotation or arguments; a malformed value is the catalog's (or caller's) to fix. */
export function parseSlug(slug: string, what: string): RepositorySlug {
  const match = OWNER_AND_NAME.exec(slug.trim());
  if (!match) throw badUserInput(`${what} "${slug}" is not owner/name, e.g. fernhollow/checkout.`, { slug });
  return { owner: match[1]!, name: match[2]! };
}

/** A login from the `github.com/user-login` annotation, trimmed. */
export function parseLogin(login: string): string {
  if (!LOGIN.test(login.trim())) throw badUserInput(`github.com/user-login "${login}" is not a GitHub login.`, { login });
  return login.trim();
}
