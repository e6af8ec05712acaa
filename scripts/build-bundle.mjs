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
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import {
  analyzeMetafile,
  chunkInputs,
  formatBytes,
  staticClosure,
} from './lib/bundle-analysis.mjs';

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
  // Ink loads React DevTools only when DEV=true; it is not installed.
  'react-devtools-core',
];

const ZOD_FOREIGN_LOCALE = /node_modules\/zod\/v4\/locales\/(?!en\.js$|index\.js$)/;

/** Package sources with a value import of zod's `z` (what defeats tree-shaking of zod). */
async function filesImportingZodNamedZ() {
  const found = [];
  for (const pkg of await readdir(path.join(root, 'packages'))) {
    const src = path.join('packages', pkg, 'src');
    const files = await readdir(path.join(root, src), { recursive: true }).catch(() => []);
    for (const file of files.filter((f) => /\.tsx?$/.test(f))) {
      const text = await readFile(path.join(root, src, file), 'utf8');
      if (/^import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/m.test(text)) {
        found.push(path.join(src, file));
      }
    }
  }
  return found.sort();
}

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
    // React (the TUI) picks its production build from NODE_ENV at run time; ship only that one.
    define: { 'process.env.NODE_ENV': '"production"' },
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

// zod is tree-shaken only when every source imports it as a namespace (`import * as z from
// 'zod'`); a single `import { z } from 'zod'` makes esbuild keep all of zod, every locale included
// (~420 KiB more, ~10 ms more on every `codex exec`). Its foreign locales are the tell-tale.
const zodLocales = Object.values(result.metafile.outputs).flatMap((o) =>
  Object.entries(o.inputs ?? {})
    .filter(([input, info]) => ZOD_FOREIGN_LOCALE.test(input) && info.bytesInOutput > 0)
    .map(([input]) => input),
);
if (zodLocales.length > 0) {
  const offenders = await filesImportingZodNamedZ();
  process.stderr.write(
    `build-bundle: all of zod got bundled (${zodLocales.length} locales). Import it as ` +
      `\`import * as z from 'zod'\`, not \`import { z } from 'zod'\`` +
      (offenders.length > 0 ? `, in: ${offenders.join(', ')}` : '') +
      '.\n',
  );
  process.exit(1);
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

// Which sources each chunk holds, for tests that check what a command loads (e.g. that `codex
// exec` never loads the TUI, ws or the MCP SDK): packages/cli/test/exec-startup-chunks.test.ts.
await writeFile(
  path.join(outdir, 'chunk-inputs.json'),
  `${JSON.stringify(chunkInputs(result.metafile, path.relative(root, outdir)))}\n`,
);
