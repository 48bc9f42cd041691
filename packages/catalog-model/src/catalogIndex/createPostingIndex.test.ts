import { contains, createPostingIndex, lowerBound, unionOf } from './createPostingIndex';

describe('createPostingIndex', () => {
  // 200 entities: every id has "all", even ids "even", id 7 "seven" twice, multiples of 50 nothing else.
  const index = createPostingIndex(200, (id) => ['all', ...(id % 2 === 0 ? ['even'] : []), ...(id === 7 ? ['seven', 'seven'] : [])]);

  it('lists the ids holding a value in ascending order, once each', () => {
    expect([...index.list('seven')]).toEqual([7]);
    expect(index.list('even')).toHaveLength(100);
    expect([...index.list('even').subarray(0, 3)]).toEqual([0, 2, 4]);
    expect(index.list('none')).toHaveLength(0);
  });

  it('answers membership the same from a bitset (long lists) and by binary search (short ones)', () => {
    const even = index.membership('even');
    const seven = index.membership('seven');
    const none = index.membership('none');
    for (let id = 0; id < 200; id++) {
      expect(even(id)).toBe(id % 2 === 0);
      expect(seven(id)).toBe(id === 7);
      expect(none(id)).toBe(false);
    }
  });

  it('counts values over all entities and over a subset', () => {
    expect(Object.fromEntries(index.counts)).toEqual({ all: 200, even: 100, seven: 1 });
    expect(Object.fromEntries(index.countIn(Int32Array.from([1, 2, 7])))).toEqual({ all: 3, even: 1, seven: 1 });
  });
});

describe('posting list helpers', () => {
  it('merges ascending lists without duplicates', () => {
    expect([...unionOf([Int32Array.from([1, 4, 9]), Int32Array.from([2, 4]), Int32Array.from([0, 9, 10])])]).toEqual([0, 1, 2, 4, 9, 10]);
    expect([...unionOf([])]).toEqual([]);
  });

  it('searches ascending lists', () => {
    const list = Int32Array.from([2, 4, 8]);
    expect([1, 2, 3, 8, 9].map((id) => contains(list, id))).toEqual([false, true, false, true, false]);
    expect([0, 2, 3, 8, 9].map((id) => lowerBound(list, id))).toEqual([0, 0, 1, 2, 3]);
  });
});
