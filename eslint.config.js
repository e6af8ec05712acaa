// ESLint flat config. Package sources are linted with type information from their own
// tsconfig.json (typescript-eslint project service); test files, which those tsconfigs exclude,
// get theirs from scripts/tsconfig.eslint.json. House rules (ARCHITECTURE.md section 2): no
// default exports, no enums, no `export *` in src, no floating promises, `import type` for types.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SRC = ['packages/*/src/**/*.{ts,tsx,mts,cts}'];
const TESTS = [
  'packages/*/src/**/*.{test,spec,bench}.{ts,tsx}',
  'packages/*/test/**/*.{ts,tsx}',
  'scripts/test/**/*.ts',
];

const NO_DEFAULT_EXPORT = {
  selector: 'ExportDefaultDeclaration, ExportSpecifier[exported.name="default"]',
  message: 'Use named exports: no default exports.',
};
const NO_ENUM = {
  selector: 'TSEnumDeclaration',
  message: 'No enums: use a string-literal union or an `as const` object.',
};
const NO_EXPORT_ALL = {
  selector: 'ExportAllDeclaration',
  message: 'No `export *`: list the exports by name so the public surface stays explicit.',
};
// A value import of zod's `z` defeats esbuild's tree-shaking: all of zod (every locale) would load
// on every `codex exec`. scripts/build-bundle.mjs fails the bundle on it too.
const NO_ZOD_NAMED_Z = {
  selector:
    "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
  message:
    "Use `import * as z from 'zod'`: a namespace import lets the bundle keep only what is used.",
};

// Node globals for the plain-JS tooling (we do not depend on the `globals` package).
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'structuredClone',
    'fetch',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'performance',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig([
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/coverage/**',
    'scripts/fixtures/**',
    'packages/*/test/fixtures/**',
  ]),
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: NODE_GLOBALS, sourceType: 'module', ecmaVersion: 'latest' },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: SRC,
    ignores: TESTS,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: TESTS,
    languageOptions: {
      parserOptions: {
        project: './scripts/tsconfig.eslint.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: [...SRC, ...TESTS],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'no-restricted-syntax': ['error', NO_DEFAULT_EXPORT, NO_ENUM, NO_EXPORT_ALL, NO_ZOD_NAMED_Z],
    },
  },
  {
    // Tests may re-export helpers wholesale; the explicit-surface rule is for package sources.
    files: TESTS,
    rules: { 'no-restricted-syntax': ['error', NO_DEFAULT_EXPORT, NO_ENUM] },
  },
]);
