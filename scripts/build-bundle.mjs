#!/usr/bin/env node
// Bundles packages/cli/src/main.ts into packages/cli/dist/bundle/codex.js (ESM, code-split), and
// the standalone apply_patch command (packages/apply-patch/src/cli/main.ts) into apply_patch.js
// next to it (the root ./apply_patch launcher runs it); the two may share chunks.
//
// The entry chunk must stay tiny: `codex --version` loads only it (and whatever it imports
// statically), everything else arrives through lazy `import()` chunks. After bundling we walk the
// metafile from the entry along static imports only and fail if that closure is no longer small.
//
// Usage: node scripts/build-bundle.mjs [--keep-names] [--no-minify] [--quiet] [--outdir DIR]
import { builtinModules } from 'node:module';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { analyzeMetafile, formatBytes, staticClosure } from './lib/bundle-analysis.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const outdirFlag = argv.indexOf('--outdir');
const outdir =
  outdirFlag >= 0
    ? path.resolve(argv[outdirFlag + 1] ?? '.')
    : path.join(root, 'packages/cli/dist/bundle');

/**
 * Packages that must not be inlined: native addons (.node files), optional heavy deps resolved at
 * run time, or anything that reads files relative to its own install dir. Add names here as they
 * appear; a name also matches its subpaths ('pkg/sub'). koffi is a native FFI addon, sharp loads
 * libvips from its @img/sharp-<platform> packages;
 * web-tree-sitter and tree-sitter-bash locate their .wasm files next to their own JS.
 */
const EXTERNAL_PACKAGES = [
  '@napi-rs/keyring',
  'koffi',
  'web-tree-sitter',
  'tree-sitter-bash',
  'sharp',
  '@lydell/node-pty',
];

/** The static-import closure of the entry (what `codex --version` loads) must stay below this. */
const ENTRY_CLOSURE_LIMIT = 64 * 1024;
const ENTRY_CLOSURE_WARN = 16 * 1024;

// Lets bundled CommonJS code `require()` node builtins and externals from an ESM chunk.
const BANNER = [
  "import { createRequire as __codexCreateRequire } from 'node:module';",
  'const require = __codexCreateRequire(import.meta.url);',
].join(' ');

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...EXTERNAL_PACKAGES.flatMap((p) => [p, `${p}/*`]),
];

await rm(outdir, { recursive: true, force: true });

const minify = !args.has('--no-minify');
const result = await esbuild
  .build({
    absWorkingDir: root,
    entryPoints: {
      codex: 'packages/cli/src/main.ts',
      apply_patch: 'packages/apply-patch/src/cli/main.ts',
    },
    outdir,
    bundle: true,
    packages: 'bundle',
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    conditions: ['@codex-ts/source'],
    external,
    minifyWhitespace: minify,
    minifySyntax: minify,
    minifyIdentifiers: false,
    keepNames: args.has('--keep-names'),
    sourcemap: 'linked',
    sourcesContent: true,
    banner: { js: BANNER },
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
  })
  .catch(() => {
    // esbuild has already printed the errors with their locations.
    process.stderr.write('build-bundle: esbuild failed\n');
    process.exit(1);
  });

const report = analyzeMetafile(result.metafile, { root, entryName: 'codex.js' });
if (!args.has('--quiet')) {
  process.stdout.write(report.text);
}
const closure = report.entryClosureBytes;
if (closure > ENTRY_CLOSURE_LIMIT) {
  process.stderr.write(
    `build-bundle: the entry's static imports total ${formatBytes(closure)} (limit ` +
      `${formatBytes(ENTRY_CLOSURE_LIMIT)}). Keep packages/cli/src/main.ts light: load ` +
      'subcommands with import().\n',
  );
  process.exit(1);
}
if (closure > ENTRY_CLOSURE_WARN) {
  process.stderr.write(
    `build-bundle: warning: the entry's static imports total ${formatBytes(closure)} ` +
      `(aim for < ${formatBytes(ENTRY_CLOSURE_WARN)}).\n`,
  );
}

// apply_patch.js must load only @codex-ts/apply-patch (it starts on every patch a script sends).
const outputs = result.metafile.outputs;
const applyPatchEntry = Object.keys(outputs).find(
  (f) => path.basename(f) === 'apply_patch.js' && outputs[f].entryPoint,
);
const foreign = [...staticClosure(outputs, applyPatchEntry ?? '')]
  .flatMap((f) => Object.keys(outputs[f]?.inputs ?? {}))
  .filter(
    (input) =>
      input.includes('node_modules/') ||
      (input.startsWith('packages/') && !input.startsWith('packages/apply-patch/')),
  );
if (!applyPatchEntry || foreign.length > 0) {
  process.stderr.write(
    `build-bundle: apply_patch.js must load only packages/apply-patch; it loads ${foreign.join(', ') || '(no entry)'}\n`,
  );
  process.exit(1);
}
