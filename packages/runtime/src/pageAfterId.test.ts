import { DevgraphError } from './errors';
import { pageAfterId, type IdCursor } from './pageAfterId';

const cursor: IdCursor = {
  encode: (id) => `c:${id}`,
  decode: (c) => c.slice(2),
};
const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

describe('pageAfterId', () => {
  it('pages from the start, then after the named item', () => {
    const first = pageAfterId(items, 2, null, cursor, () => 'gone');
    expect(first).toEqual({ items: [{ id: 'a' }, { id: 'b' }], cursors: ['c:a', 'c:b'], hasNextPage: true, hasPreviousPage: false, totalCount: 5 });
    const last = pageAfterId(items, 2, 'c:d', cursor, () => 'gone');
    expect(last).toMatchObject({ items: [{ id: 'e' }], hasNextPage: false, hasPreviousPage: true });
  });

  it('keeps a page boundary when items arrive ahead of it', () => {
    const grown = [{ id: '0' }, ...items];
    expect(pageAfterId(grown, 1, 'c:b', cursor, () => 'gone').items).toEqual([{ id: 'c' }]);
  });

  it('rejects a cursor whose item left the list as BAD_USER_INPUT with the caller\'s words', () => {
    const call = () => pageAfterId(items, 2, 'c:z', cursor, (after) => `"${after}" is gone`);
    expect(call).toThrow(DevgraphError);
    expect(call).toThrow('"c:z" is gone');
  });
});
