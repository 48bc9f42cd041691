import { badUserInput } from '../errors';

/** `first` as every connection reads it: the schema default when omitted, BAD_USER_INPUT outside 0..max. */
export function checkPageSize(first: number | null | undefined, fallback: number, max: number, argument = 'first'): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > max) {
    throw badUserInput(`${argument} must be between 0 and ${max}, got ${size}.`, { [argument]: size, max });
  }
  return size;
}
