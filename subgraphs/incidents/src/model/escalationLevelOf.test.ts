import { escalationLevelOf } from './escalationLevelOf';
import { sortByEscalationLevel } from './sortByEscalationLevel';
import type { OnCallShift } from './types';

const person = (id: string) => ({ id, name: id, email: null, url: null });
const shift = (user: string, escalationLevel: number, start: string | null = null): OnCallShift => ({
  escalationLevel,
  start,
  end: null,
  user: person(user),
  escalationPolicy: { id: 'PPOL', name: null, url: null },
  schedule: null,
});

describe('escalationLevelOf', () => {
  it('is the lowest level an assignee is on call at, or null when none is', () => {
    const shifts = [shift('ana', 2), shift('ben', 1), shift('ana', 3)];
    expect(escalationLevelOf([person('ana')], shifts)).toBe(2);
    expect(escalationLevelOf([person('ana'), person('ben')], shifts)).toBe(1);
    expect(escalationLevelOf([person('cleo')], shifts)).toBeNull();
  });
});

describe('sortByEscalationLevel', () => {
  it('puts who is paged first first, then orders by shift start and user', () => {
    const sorted = sortByEscalationLevel([shift('cleo', 2), shift('ben', 1, '2025-03-01T09:00:00Z'), shift('ana', 1, '2025-03-01T09:00:00Z'), shift('dan', 1, '2025-02-01T09:00:00Z')]);
    expect(sorted.map((s) => s.user.id)).toEqual(['dan', 'ana', 'ben', 'cleo']);
  });
});
