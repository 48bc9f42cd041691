import { createTextIndex } from './createTextIndex';

describe('createTextIndex', () => {
  const search = createTextIndex(['payments\u0000takes money', 'web\u0000storefront', '', 'money-movement\u0000\u0000money twice']);
  const ids = (needle: string) => [...search(needle)];

  it('finds every entity whose text contains the needle, once each, in id order', () => {
    expect(ids('money')).toEqual([0, 3]);
    expect(ids('store')).toEqual([1]);
    expect(ids('nothing')).toEqual([]);
  });

  it('never matches across two entities or two fields', () => {
    expect(ids('moneyweb')).toEqual([]);
    expect(ids('money\u0001web')).toEqual([]);
    expect(ids('paymentstakes')).toEqual([]);
  });

  it('matches at the very start and end of the text', () => {
    expect(ids('payments')).toEqual([0]);
    expect(ids('twice')).toEqual([3]);
  });
});
