/** One jest config for the whole workspace: tests live next to the code they test. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{packages,gateway,subgraphs,scripts,test}/**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Octokit ships ES modules only; jest's CommonJS loader needs them transformed like our code.
  transformIgnorePatterns: ['/node_modules/(?!(@octokit|universal-user-agent|before-after-hook|fast-content-type-parse|json-with-bigint|content-type)/)'],
  testTimeout: 30000,
  // Integration tests start real servers; two workers fit the 2-core machines CI runs on.
  maxWorkers: 2,
};
