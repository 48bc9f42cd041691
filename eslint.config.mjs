import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/generated/**', '**/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Config is read once per package (readConfig); everything else gets it passed in.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read env only in a config module (readConfig).' }],
    },
  },
  {
    files: ['**/config.ts', '**/*.test.ts', 'test/support/**', 'scripts/**', 'bench/**', '**/readConfig.ts', 'jest.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
