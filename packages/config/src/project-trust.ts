import { isAbsolute, resolve } from 'node:path';

import * as z from 'zod';

import type { ConfigReader } from './config-reader.js';
import { expecting, tomlEnum, tomlTable } from './schema-helpers.js';

export type TrustLevel = 'trusted' | 'untrusted';

/** `[projects."<abs path>"]` tables. */
export const ProjectsSchema = z.record(
  z.string(),
  tomlTable({ trust_level: tomlEnum<TrustLevel>(['trusted', 'untrusted']).optional() }),
  expecting('a table'),
);

/**
 * `[projects."<abs path>"] trust_level = "trusted" | "untrusted"`: which project directories the
 * user trusts (their `.codex/` config and rules apply). Keys are absolute paths; others warn.
 */
export function readProjectTrust(reader: ConfigReader): Record<string, TrustLevel> {
  const projects = reader.parse(['projects'], ProjectsSchema);
  const trust: Record<string, TrustLevel> = {};
  for (const [dir, table] of Object.entries(projects ?? {})) {
    const level = table.trust_level;
    if (level === undefined) continue;
    if (!isAbsolute(dir)) {
      reader.warn(`projects: \`${dir}\` is not an absolute path; ignored`, null);
      continue;
    }
    trust[resolve(dir)] = level;
  }
  return trust;
}
