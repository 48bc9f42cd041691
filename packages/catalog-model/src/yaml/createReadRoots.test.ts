import { staticBaseOf, targetBase } from './createReadRoots';

describe('the fixed directory of a catalog path', () => {
  it.each([
    ['/srv/catalog/*.yaml', '/srv/catalog'],
    ['/srv/catalog/**/catalog-info.yaml', '/srv/catalog'],
    ['catalog/*.yaml', 'catalog'],
    ['*.yaml', '.'],
    ['/*.yaml', '/'],
  ])('of %s is %s', (pattern, base) => {
    expect(staticBaseOf(pattern)).toBe(base);
  });

  it('resolves a plain path or a glob against the base directory', () => {
    expect(targetBase('teams/*.yaml', '/repo')).toBe('/repo/teams');
    expect(targetBase('/abs/no-such-dir/*.yaml', '/repo')).toBe('/abs/no-such-dir');
    expect(targetBase('org.yaml', '/repo/catalog')).toBe('/repo/catalog/org.yaml');
  });
});
