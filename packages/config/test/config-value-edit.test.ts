import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse as parseToml } from 'smol-toml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  configOrigins,
  configVersion,
  loadConfigLayerStack,
  mergeConfigLayers,
  parseConfigToml,
  rewriteConfigText,
  tomlLiteral,
  validateConfigTable,
  ConfigValidationError,
} from '../src/index.js';

/** Applies `change` to the parsed text and rewrites the text for the changed `paths`. */
function edit(
  text: string,
  paths: string[][],
  change: (table: Record<string, unknown>) => void,
): string {
  const original = parseConfigToml('config.toml', text);
  const updated = structuredClone(original);
  change(updated);
  const result = rewriteConfigText(text, original, updated, paths);
  expect(parseToml(result)).toEqual(updated);
  return result;
}

describe('rewriteConfigText', () => {
  it('replaces values in place and adds top-level keys after the last one', () => {
    const text = '# top\nmodel = "a" # why\n\n[tools]\nx = 1\n';
    expect(edit(text, [['model']], (t) => (t['model'] = 'b'))).toBe(
      '# top\nmodel = "b" # why\n\n[tools]\nx = 1\n',
    );
    expect(edit(text, [['effort']], (t) => (t['effort'] = 'high'))).toBe(
      '# top\nmodel = "a" # why\neffort = "high"\n\n[tools]\nx = 1\n',
    );
    expect(edit('', [['model']], (t) => (t['model'] = 'm'))).toBe('model = "m"\n');
    expect(edit('[a]\nb = 1\n', [['model']], (t) => (t['model'] = 'm'))).toBe(
      'model = "m"\n[a]\nb = 1\n',
    );
  });

  it('removes whole tables with their sections and dotted keys', () => {
    const text = 'model = "a"\n\n[tools]\nx = 1\n\n[tools.sub]\ny = 2\n\n[other]\nz = 3\n';
    expect(edit(text, [['tools']], (t) => delete t['tools'])).toBe(
      'model = "a"\n\n[other]\nz = 3\n',
    );
    expect(edit('tools.x = 1\nmodel = "a"\n', [['tools']], (t) => delete t['tools'])).toBe(
      'model = "a"\n',
    );
  });

  it('turns a value into a table and back', () => {
    const text = 'tools = "legacy"\n';
    const table = edit(text, [['tools']], (t) => (t['tools'] = { web_search: { a: 1 } }));
    expect(parseToml(table)).toEqual({ tools: { web_search: { a: 1 } } });
    expect(edit(table, [['tools']], (t) => (t['tools'] = 'again'))).toBe('tools = "again"\n');
  });

  it('serializes the document anew when a value spans several lines', () => {
    const text = '# gone\nlist = [\n  1,\n  2,\n]\n';
    expect(edit(text, [['list']], (t) => (t['list'] = [3]))).toBe('list = [ 3 ]\n');
  });

  it('keeps CRLF line endings', () => {
    expect(
      edit(
        'a = 1\r\n[t]\r\nb = 2\r\n',
        [['t', 'c']],
        (t) => ((t['t'] as Record<string, unknown>)['c'] = 3),
      ),
    ).toBe('a = 1\r\n[t]\r\nb = 2\r\nc = 3\r\n');
  });
});

describe('tomlLiteral', () => {
  it('writes JSON values as TOML literals', () => {
    expect(tomlLiteral('a"b\n')).toBe('"a\\"b\\n"');
    expect(tomlLiteral([1, 2.5, true])).toBe('[1, 2.5, true]');
    expect(tomlLiteral({ a: 1, 'b c': 'x' })).toBe('{ a = 1, "b c" = "x" }');
    expect(tomlLiteral({})).toBe('{}');
    expect(() => tomlLiteral(null)).toThrow();
  });
});

describe('validateConfigTable', () => {
  it('names the offending key and its line', () => {
    const text = 'model = "m"\nmodel_reasoning_effort = "ultra"\n';
    expect(() =>
      validateConfigTable(parseConfigToml('/h/config.toml', text), '/h/config.toml', text),
    ).toThrow(ConfigValidationError);
    try {
      validateConfigTable(parseConfigToml('/h/config.toml', text), '/h/config.toml', text);
    } catch (error) {
      expect((error as Error).message).toContain('/h/config.toml:2');
      expect((error as Error).message).toContain('model_reasoning_effort');
    }
    expect(() => validateConfigTable({ unknown_key: 1 }, '/h/config.toml', '')).not.toThrow();
  });
});

describe('loadConfigLayerStack', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'codex-ts-stack-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stacks system, user, trusted projects and session flags with versions and origins', async () => {
    const home = join(root, 'home');
    const repo = join(root, 'repo');
    mkdirSync(home);
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, '.codex'));
    const system = join(root, 'system.toml');
    writeFileSync(system, 'model = "system"\n[tools]\nlist = [1, 2]\n');
    writeFileSync(
      join(home, 'config.toml'),
      `model = "user"\n[projects.${JSON.stringify(repo)}]\ntrust_level = "trusted"\n`,
    );
    writeFileSync(join(repo, '.codex', 'config.toml'), 'approval_policy = "never"\n');
    const layers = await loadConfigLayerStack({
      codexHome: home,
      cwd: repo,
      systemConfigPath: system,
      cliOverrides: { 'tools.list': [9] },
    });
    expect(layers.map((l) => l.name.type)).toEqual(['system', 'user', 'project', 'sessionFlags']);
    expect(layers[0]?.version).toBe(configVersion({ tools: { list: [1, 2] }, model: 'system' }));
    const merged = mergeConfigLayers(layers);
    expect(merged).toMatchObject({ model: 'user', approval_policy: 'never', tools: { list: [9] } });
    const origins = configOrigins(layers);
    expect(origins['model']?.name.type).toBe('user');
    expect(origins['approval_policy']?.name.type).toBe('project');
    expect(origins['tools.list.0']?.name.type).toBe('sessionFlags');
    // A shorter array from a higher layer leaves the lower layer's later index, as in Rust.
    expect(origins['tools.list.1']?.name.type).toBe('system');
  });
});
