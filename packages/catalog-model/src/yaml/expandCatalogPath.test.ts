import path from 'node:path';
import { expandCatalogPath } from './expandCatalogPath';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');

describe('expandCatalogPath', () => {
  it('lists every .yaml and .yml file below a directory, sorted', async () => {
    const result = await expandCatalogPath('valid', FIXTURES);
    expect('files' in result && result.files.map((f) => path.relative(FIXTURES, f))).toEqual([
      'valid/catalog-info.yaml',
      'valid/org/billing.yml',
      'valid/org/groups.yaml',
      'valid/services/invoicing/catalog-info.yaml',
      'valid/services/payments/catalog-info.yaml',
      'valid/services/web/catalog-info.yaml',
    ]);
  });

  it('expands a glob relative to the base directory', async () => {
    const result = await expandCatalogPath('./services/*/catalog-info.yaml', path.join(FIXTURES, 'valid'));
    expect('files' in result && result.files.map((f) => path.relative(FIXTURES, f))).toEqual([
      'valid/services/invoicing/catalog-info.yaml',
      'valid/services/payments/catalog-info.yaml',
      'valid/services/web/catalog-info.yaml',
    ]);
  });

  it('returns a single file as itself, absolute', async () => {
    expect(await expandCatalogPath('../fixtures/dangling.yaml', FIXTURES)).toEqual({ files: [path.join(FIXTURES, 'dangling.yaml')] });
  });

  it('explains a missing path and a glob that matches nothing', async () => {
    expect(await expandCatalogPath('missing.yaml', FIXTURES)).toEqual({ error: expect.stringMatching(/missing\.yaml cannot be read \(ENOENT/) });
    expect(await expandCatalogPath('nothing/**/*.yaml', FIXTURES)).toEqual({ error: expect.stringMatching(/nothing\/\*\*\/\*\.yaml matches no files$/) });
  });
});
