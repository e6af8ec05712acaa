// Reads an esbuild metafile: per-chunk sizes, and the static-import closure of the entry chunk
// (everything Node must load before the entry's first line runs, i.e. the cost of `--version`).
import path from 'node:path';

/** @param {number} n */
export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * Files reachable from `start` through static imports (`import-statement`), `start` included.
 * @param {Record<string, {imports: {path: string, kind: string, external?: boolean}[]}>} outputs
 * @param {string} start
 */
export function staticClosure(outputs, start) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.pop());
    for (const imp of outputs[file]?.imports ?? []) {
      if (imp.external || imp.kind !== 'import-statement' || seen.has(imp.path)) continue;
      seen.add(imp.path);
      queue.push(imp.path);
    }
  }
  return seen;
}

/** Which workspace package or npm package an input path belongs to (for the report). */
function inputOwner(input) {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = input.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? input);
  }
  const m = /^packages\/([^/]+)\//.exec(input);
  return m ? `@codex-ts/${m[1]}` : input;
}

/**
 * @param {{outputs: Record<string, any>}} metafile
 * @param {{root: string, entryName: string}} opts
 */
export function analyzeMetafile(metafile, { root, entryName }) {
  const outputs = metafile.outputs;
  const jsFiles = Object.keys(outputs).filter((f) => f.endsWith('.js'));
  const entry = jsFiles.find((f) => path.basename(f) === entryName && outputs[f].entryPoint);
  if (!entry) throw new Error(`bundle-analysis: no entry output named ${entryName}`);
  const closure = staticClosure(outputs, entry);
  const entryClosureBytes = [...closure].reduce((sum, f) => sum + (outputs[f]?.bytes ?? 0), 0);
  const totalBytes = jsFiles.reduce((sum, f) => sum + outputs[f].bytes, 0);
  const mapBytes = Object.keys(outputs)
    .filter((f) => f.endsWith('.map'))
    .reduce((sum, f) => sum + outputs[f].bytes, 0);

  const rows = jsFiles
    .map((f) => {
      const owners = new Map();
      for (const [input, info] of Object.entries(outputs[f].inputs ?? {})) {
        const owner = inputOwner(input);
        owners.set(owner, (owners.get(owner) ?? 0) + info.bytesInOutput);
      }
      const top = [...owners.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([o, b]) => `${o} ${formatBytes(b)}`)
        .join(', ');
      const loaded = f === entry ? 'entry' : closure.has(f) ? 'static' : 'lazy';
      return {
        file: path.relative(path.dirname(entry), f),
        bytes: outputs[f].bytes,
        loaded,
        top: top || '(imports and esbuild helpers only)',
      };
    })
    .sort((a, b) => (a.loaded === 'entry' ? -1 : b.loaded === 'entry' ? 1 : b.bytes - a.bytes));

  const width = Math.max(...rows.map((r) => r.file.length), 5);
  const lines = [
    `bundle: ${path.relative(root, path.dirname(path.join(root, entry)))}/`,
    `  ${'chunk'.padEnd(width)}  ${'size'.padStart(10)}  load    contents`,
    ...rows.map(
      (r) =>
        `  ${r.file.padEnd(width)}  ${formatBytes(r.bytes).padStart(10)}  ${r.loaded.padEnd(6)}  ${r.top}`,
    ),
    `  total ${formatBytes(totalBytes)} in ${jsFiles.length} file(s) (+ ${formatBytes(mapBytes)} source maps);` +
      ` loaded before main runs (entry + static imports): ${formatBytes(entryClosureBytes)}`,
    '',
  ];
  return { entry, entryClosureBytes, totalBytes, rows, text: lines.join('\n') };
}

/**
 * What each JavaScript output holds: `{"chunks/chunk-X.js": ["node_modules/zod/...", "packages/..."]}`,
 * paths relative to `outdir`, inputs sorted, tree-shaken-out inputs left out. Written next to the
 * bundle as `chunk-inputs.json`, so that a test can tell which sources a command loaded from the
 * chunk files it opened.
 * @param {{outputs: Record<string, any>}} metafile
 * @param {string} outdirFromRoot the bundle directory, relative to the build's working directory
 */
export function chunkInputs(metafile, outdirFromRoot) {
  /** @type {Record<string, string[]>} */
  const manifest = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    manifest[path.relative(outdirFromRoot, file)] = Object.entries(output.inputs ?? {})
      .filter(([, info]) => info.bytesInOutput > 0)
      .map(([input]) => input)
      .sort();
  }
  return manifest;
}
