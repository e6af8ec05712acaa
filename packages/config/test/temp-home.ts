import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A throwaway CODEX_HOME; never the user's real ~/.codex. */
export interface TempHome {
  dir: string;
  configPath: string;
  writeConfig(text: string): void;
  write(name: string, text: string): string;
  cleanup(): void;
}

export function makeTempHome(): TempHome {
  const dir = mkdtempSync(join(tmpdir(), 'codex-ts-config-'));
  const configPath = join(dir, 'config.toml');
  return {
    dir,
    configPath,
    writeConfig(text: string) {
      writeFileSync(configPath, text);
    },
    write(name: string, text: string) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Gives each test of the file its own TempHome (registered as beforeEach/afterEach hooks, so
 * call it at the top level of the file). The returned object always stands for the current
 * test's home.
 */
export function useTempHome(): TempHome {
  let current: TempHome | undefined;

  beforeEach(() => {
    current = makeTempHome();
  });

  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });

  const home = (): TempHome => {
    if (!current) throw new Error('the temp CODEX_HOME is used outside a test');
    return current;
  };

  return {
    get dir() {
      return home().dir;
    },
    get configPath() {
      return home().configPath;
    },
    writeConfig: (text) => home().writeConfig(text),
    write: (name, text) => home().write(name, text),
    cleanup: () => home().cleanup(),
  };
}
