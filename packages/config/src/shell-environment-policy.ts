import type { z } from 'zod';

import { stringArray, stringMap, tomlBoolean, tomlEnum, tomlTable } from './schema-helpers.js';
import type { ShellEnvironmentPolicy } from './types.js';

/** `[shell_environment_policy]`. */
export const ShellEnvironmentPolicySchema = tomlTable({
  inherit: tomlEnum(['all', 'core', 'none']).optional(),
  ignore_default_excludes: tomlBoolean.optional(),
  exclude: stringArray.optional(),
  set: stringMap.optional(),
  include_only: stringArray.optional(),
  experimental_use_profile: tomlBoolean.optional(),
});

/**
 * `[shell_environment_policy]`: which of our environment variables commands inherit. Defaults:
 * inherit everything, then drop names that look like credentials (`*KEY*`, `*SECRET*`,
 * `*TOKEN*`), no extra excludes, nothing set, no include-only filter.
 */
export function readShellEnvironmentPolicy(
  table: z.output<typeof ShellEnvironmentPolicySchema> | undefined,
): ShellEnvironmentPolicy {
  return {
    inherit: table?.inherit ?? 'all',
    ignoreDefaultExcludes: table?.ignore_default_excludes ?? false,
    exclude: table?.exclude ?? [],
    set: table?.set ?? {},
    includeOnly: table?.include_only ?? [],
    useProfile: table?.experimental_use_profile ?? false,
  };
}
