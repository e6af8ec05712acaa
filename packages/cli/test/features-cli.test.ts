// End-to-end tests of `codex features list|enable|disable` and `--enable/--disable`, run through
// the built `./codex` launcher (`npm run build` first). CODEX_HOME is a temp dir.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseEnv, makeTempCodexHome, runCodex, type TempDir } from '@codex-ts/test-support';

let home: TempDir;
let configPath: string;

beforeEach(async () => {
  home = await makeTempCodexHome();
  configPath = join(home.path, 'config.toml');
});

afterEach(async () => {
  await home.cleanup();
});

function codex(args: string[]) {
  return runCodex(args, { cwd: home.path, env: baseEnv(home.path) });
}

const STAGES = ['under development', 'experimental', 'stable', 'deprecated', 'removed'];

interface Row {
  name: string;
  stage: string;
  enabled: string;
}

/** Parses `features list` output, checking the column layout on the way. */
function parseList(stdout: string): Row[] {
  const lines = stdout.split('\n');
  expect(lines.pop()).toBe('');
  const nameWidth = Math.max(...lines.map((l) => l.indexOf(' ')));
  const rows = lines.map((line) => {
    const name = line.slice(0, nameWidth).trimEnd();
    expect(line.slice(nameWidth, nameWidth + 2)).toBe('  ');
    const rest = line.slice(nameWidth + 2);
    const stage = STAGES.find((s) => rest.startsWith(s)) ?? '';
    expect(stage).not.toBe('');
    const enabled = rest.slice(rest.lastIndexOf(' ') + 1);
    return { name, stage, enabled };
  });
  // The stage column is padded to the longest stage, then two spaces and true|false.
  const stageWidth = Math.max(...rows.map((r) => r.stage.length));
  for (const [i, row] of rows.entries()) {
    expect(lines[i]).toBe(
      `${row.name.padEnd(nameWidth)}  ${row.stage.padEnd(stageWidth)}  ${row.enabled}`,
    );
    expect(['true', 'false']).toContain(row.enabled);
  }
  return rows;
}

function stateOf(rows: Row[], name: string): string | undefined {
  return rows.find((r) => r.name === name)?.enabled;
}

describe('codex features list', () => {
  it('prints every feature, sorted, as aligned name / stage / state columns', async () => {
    const run = await codex(['features', 'list']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const rows = parseList(run.stdout);
    const names = rows.map((r) => r.name);
    expect(names).toEqual([...names].sort());
    expect(rows.length).toBeGreaterThan(80);
    expect(rows).toContainEqual({ name: 'shell_tool', stage: 'stable', enabled: 'true' });
    expect(rows).toContainEqual({ name: 'memories', stage: 'experimental', enabled: 'false' });
    expect(rows).toContainEqual({
      name: 'code_mode',
      stage: 'under development',
      enabled: 'false',
    });
    expect(rows).toContainEqual({ name: 'undo', stage: 'removed', enabled: 'false' });
    expect(rows).toContainEqual({
      name: 'web_search_request',
      stage: 'deprecated',
      enabled: 'false',
    });
  });

  it('honours config.toml, -p, -c and --enable/--disable', async () => {
    writeFileSync(
      configPath,
      [
        '[features]',
        'memories = true',
        'apps = false',
        '[profiles.work.features]',
        'shell_tool = false',
        'apps = true',
      ].join('\n'),
    );
    let rows = parseList((await codex(['features', 'list'])).stdout);
    expect([stateOf(rows, 'memories'), stateOf(rows, 'apps')]).toEqual(['true', 'false']);

    const run = await codex([
      '-p',
      'work',
      '-c',
      'features.memories=false',
      '--enable',
      'code_mode',
      '--disable',
      'plugins',
      'features',
      'list',
      '--enable',
      'collab',
      '--disable',
      'hooks',
    ]);
    expect(run.code).toBe(0);
    rows = parseList(run.stdout);
    expect({
      shell_tool: stateOf(rows, 'shell_tool'),
      apps: stateOf(rows, 'apps'),
      memories: stateOf(rows, 'memories'),
      code_mode: stateOf(rows, 'code_mode'),
      plugins: stateOf(rows, 'plugins'),
      multi_agent: stateOf(rows, 'multi_agent'),
      hooks: stateOf(rows, 'hooks'),
    }).toEqual({
      shell_tool: 'false',
      apps: 'true',
      memories: 'false',
      code_mode: 'true',
      plugins: 'false',
      multi_agent: 'true',
      hooks: 'false',
    });
  });

  it('fails with the key and its location on a non-boolean value', async () => {
    writeFileSync(configPath, 'model = "m"\n[features]\napps = "yes"\n');
    const run = await codex(['features', 'list']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Error: ${configPath}:3:8: features.apps: expected a boolean; got "yes"\n`,
    );
    const override = await codex(['-c', 'features.apps=maybe', 'features', 'list']);
    expect(override.stderr).toContain('-c features.apps: expected a boolean; got "maybe"');
  });

  it('warns on stderr about an unknown feature name in config.toml', async () => {
    writeFileSync(configPath, '[features]\nshel_tool = true\n');
    const run = await codex(['features', 'list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `warning: ${configPath}:2:13: unknown configuration field \`features.shel_tool\`\n`,
    );
  });
});

describe('codex features enable|disable', () => {
  const ORIGINAL = '# my settings\nmodel = "gpt-5.5"  # pinned\n\n[features]\nmemories = true\n';

  it('writes [features] in config.toml, keeping the rest of the file', async () => {
    writeFileSync(configPath, ORIGINAL);
    const enable = await codex(['features', 'enable', 'unified_exec']);
    expect(enable).toMatchObject({
      code: 0,
      stdout: 'Enabled feature `unified_exec` in config.toml.\n',
      stderr: '',
    });
    const disable = await codex(['features', 'disable', 'shell_tool']);
    expect(disable).toMatchObject({
      code: 0,
      stdout: 'Disabled feature `shell_tool` in config.toml.\n',
    });
    expect(readFileSync(configPath, 'utf8')).toBe(
      `${ORIGINAL}unified_exec = true\nshell_tool = false\n`,
    );
    const rows = parseList((await codex(['features', 'list'])).stdout);
    expect(stateOf(rows, 'shell_tool')).toBe('false');
  });

  it('creates config.toml and writes into the profile given with -p', async () => {
    const run = await codex(['-p', 'work', 'features', 'enable', 'memories']);
    expect(run).toMatchObject({ code: 0, stdout: 'Enabled feature `memories` in config.toml.\n' });
    expect(readFileSync(configPath, 'utf8')).toBe('[profiles.work.features]\nmemories = true\n');
  });

  it('warns when enabling a feature that is under development', async () => {
    const run = await codex(['features', 'enable', 'code_mode']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('`code_mode` is under development');
  });

  it('rejects an unknown feature, suggesting close names, file untouched', async () => {
    writeFileSync(configPath, ORIGINAL);
    const run = await codex(['features', 'enable', 'unifed_exec']);
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Error: Unknown feature flag: unifed_exec. Did you mean `unified_exec`?\n',
    });
    expect(readFileSync(configPath, 'utf8')).toBe(ORIGINAL);
  });

  it('leaves a config.toml that does not parse untouched, saying where it is wrong', async () => {
    const broken = 'model = "m"\n[features\nmemories = true\n';
    writeFileSync(configPath, broken);
    const run = await codex(['features', 'disable', 'apps']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: .*config\.toml:2:\d+: /);
    expect(readFileSync(configPath, 'utf8')).toBe(broken);
  });
});

describe('--enable/--disable', () => {
  it('rejects an unknown feature name with a usage error (exit 2)', async () => {
    const run = await codex(['--enable', 'unifed_exec', 'features', 'list']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'error: Unknown feature flag: unifed_exec. Did you mean `unified_exec`?',
    );
    const exec = await codex(['exec', '--disable', 'nope', 'hello']);
    expect(exec.code).toBe(2);
    expect(exec.stderr).toContain('error: Unknown feature flag: nope.');
  });
});
