import { upstreamPolicy } from '@devgraph/runtime';

/**
 * How devgraph treats a Backstage backend: the shared upstream defaults. Backstage documents no
 * rate limit or retry advice of its own, and a full sync runs in the background, so nothing
 * differs; an operator tunes it with the BACKSTAGE_* policy variables.
 */
export const BACKSTAGE_POLICY = upstreamPolicy();
