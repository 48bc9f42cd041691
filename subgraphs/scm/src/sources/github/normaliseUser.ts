import type { UserModel } from '../../model/types';
import type { RawUser } from './githubWire';

/** Only the model's fields: whatever else GitHub adds to the answer is not cached. */
export const normaliseUser = (u: RawUser): UserModel => ({ login: u.login, name: u.name, url: u.url, avatarUrl: u.avatarUrl });
