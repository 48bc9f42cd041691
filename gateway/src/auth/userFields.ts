import type { Identity } from './Identity';

/** A user value from a token claim or a key entry: a `user:` ref is a catalog ref, anything else an email. */
export function userFields(value: unknown): Pick<Identity, 'userRef' | 'email'> {
  if (typeof value !== 'string' || value === '') return {};
  if (/^user:/i.test(value)) return { userRef: value.includes('/') ? value : `user:default/${value.slice(5)}` };
  return value.includes('@') ? { email: value } : {};
}
