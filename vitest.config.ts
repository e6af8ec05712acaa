import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages export their TypeScript sources under the `source` condition, so tests
    // run against src/ without a build; the shipped bundle is built the same way by esbuild.
    conditions: ['@codex-ts/source'],
  },
  ssr: {
    resolve: {
      conditions: ['@codex-ts/source'],
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/src/**/*.test.tsx',
      'packages/*/test/**/*.test.tsx',
      'packages/*/test/**/*.test.ts',
      // Tests of the repository tooling (check-deps, bundle analysis, launcher).
      'scripts/test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
