import { ErrorCode } from '../errors';
import { checkPageSize } from './checkPageSize';
import { createCursorCodec } from './createCursorCodec';
import { errorCodeOf } from '../../../../test/support/errorCodeOf';


describe('createCursorCodec', () => {
  const incidents = createCursorCodec('incident');

  it('round-trips ids, including ones with separators and unicode', () => {
    for (const id of ['PABC123', 'component:default/payments', 'ü/ß?&=']) expect(incidents.decode(incidents.encode(id))).toBe(id);
  });

  it('makes cursors that are safe in URLs', () => {
    expect(incidents.encode('a/b?c=d+e')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each(['not a cursor!', '', 'aGVsbG8', createCursorCodec('experiment').encode('PABC123')])('rejects %j as BAD_USER_INPUT', (cursor) => {
    expect(errorCodeOf(() => incidents.decode(cursor))).toBe(ErrorCode.BadUserInput);
  });

  it('lets a list reject ids it could never hold, with the reason', () => {
    const refs = createCursorCodec('entity', (id) => {
      if (!id.includes(':')) throw new Error('it does not hold an entity ref');
    });
    expect(() => refs.decode(refs.encode('nonsense'))).toThrow(/does not hold an entity ref/);
    expect(refs.decode(refs.encode('component:default/x'))).toBe('component:default/x');
  });
});

describe('checkPageSize', () => {
  it('uses the default when first is omitted and accepts 0..max', () => {
    expect(checkPageSize(undefined, 20, 100)).toBe(20);
    expect(checkPageSize(null, 20, 100)).toBe(20);
    expect(checkPageSize(0, 20, 100)).toBe(0);
    expect(checkPageSize(100, 20, 100)).toBe(100);
  });

  it.each([-1, 101, 1.5])('rejects %p as BAD_USER_INPUT naming the range', (first) => {
    expect(errorCodeOf(() => checkPageSize(first, 20, 100))).toBe(ErrorCode.BadUserInput);
    expect(() => checkPageSize(first, 20, 100)).toThrow('first must be between 0 and 100');
  });
});
