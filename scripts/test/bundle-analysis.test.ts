import { describe, expect, it } from 'vitest';
import {
  analyzeMetafile,
  chunkInputs,
  formatBytes,
  staticClosure,
} from '../lib/bundle-analysis.mjs';

const out = 'packages/cli/dist/bundle';
const metafile = {
  outputs: {
    [`${out}/codex.js`]: {
      bytes: 1000,
      entryPoint: 'packages/cli/src/main.ts',
      inputs: { 'packages/cli/src/main.ts': { bytesInOutput: 900 } },
      imports: [
        { path: `${out}/chunks/chunk-A.js`, kind: 'import-statement' },
        { path: `${out}/chunks/run-cli-B.js`, kind: 'dynamic-import' },
        { path: 'node:fs', kind: 'import-statement', external: true },
      ],
    },
    [`${out}/codex.js.map`]: { bytes: 5000, inputs: {}, imports: [] },
    [`${out}/chunks/chunk-A.js`]: { bytes: 200, inputs: {}, imports: [] },
    [`${out}/chunks/run-cli-B.js`]: {
      bytes: 50_000,
      inputs: {
        'node_modules/commander/lib/command.js': { bytesInOutput: 40_000 },
        'packages/cli/src/run-cli.ts': { bytesInOutput: 9000 },
      },
      imports: [{ path: `${out}/chunks/chunk-A.js`, kind: 'import-statement' }],
    },
  },
};

describe('bundle analysis', () => {
  it('follows only static imports from the entry', () => {
    expect([...staticClosure(metafile.outputs, `${out}/codex.js`)].sort()).toEqual([
      `${out}/chunks/chunk-A.js`,
      `${out}/codex.js`,
    ]);
  });

  it('reports per-chunk sizes, owners and the start-up closure', () => {
    const report = analyzeMetafile(metafile, { root: '/repo', entryName: 'codex.js' });
    expect(report.entryClosureBytes).toBe(1200);
    expect(report.totalBytes).toBe(51_200);
    expect(report.rows.map((r) => [r.file, r.loaded])).toEqual([
      ['codex.js', 'entry'],
      ['chunks/run-cli-B.js', 'lazy'],
      ['chunks/chunk-A.js', 'static'],
    ]);
    expect(report.rows[1]?.top).toBe('commander 39.1 KiB, @codex-ts/cli 8.8 KiB');
    expect(report.text).toContain('loaded before main runs (entry + static imports): 1.2 KiB');
  });

  it('lists the inputs of each JavaScript output, relative to the bundle directory', () => {
    const withShaken = structuredClone(metafile);
    withShaken.outputs[`${out}/chunks/chunk-A.js`].inputs = {
      'node_modules/zod/v4/locales/fr.js': { bytesInOutput: 0 },
      'node_modules/zod/v4/locales/en.js': { bytesInOutput: 300 },
    };
    expect(chunkInputs(withShaken, out)).toEqual({
      'codex.js': ['packages/cli/src/main.ts'],
      'chunks/chunk-A.js': ['node_modules/zod/v4/locales/en.js'],
      'chunks/run-cli-B.js': [
        'node_modules/commander/lib/command.js',
        'packages/cli/src/run-cli.ts',
      ],
    });
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
  });
});
