import { resolve } from 'node:path';
import { parseConfigOverride } from './config-override.js';

/** The command-line settings every front end turns into a thread's `config` map. */
export interface ThreadConfigFlags {
  /** `-c key=value` strings, in order. */
  configOverrides: readonly string[];
  profile?: string | null;
  strictConfig?: boolean;
  /** `--add-dir` directories (relative to `cwd`). */
  addDirs: readonly string[];
}

/**
 * The `config` map of `thread/start` for a front end's flags: the `-c` pairs, `--profile` as
 * `profile`, `--strict-config` as `strict_config`, and `--add-dir` appended to
 * `sandbox_workspace_write.writable_roots` (resolved against `cwd`).
 */
export function threadConfigMap(flags: ThreadConfigFlags, cwd: string): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const raw of flags.configOverrides) {
    const [key, value] = parseConfigOverride(raw);
    config[key] = value;
  }
  if (flags.profile) config['profile'] = flags.profile;
  if (flags.strictConfig) config['strict_config'] = true;
  if (flags.addDirs.length > 0) {
    const existing = config['sandbox_workspace_write.writable_roots'];
    config['sandbox_workspace_write.writable_roots'] = [
      ...(Array.isArray(existing) ? existing : []),
      ...flags.addDirs.map((d) => resolve(cwd, d)),
    ];
  }
  return config;
}
