import { readFile } from 'node:fs/promises';

import type { z } from 'zod';

import type { LayeredConfig } from './config-layers.js';
import { baseDirFor, resolveUserPath } from './config-paths.js';
import { InstructionsFileError } from './errors.js';
import { stringArray, tomlBoolean, tomlTable } from './schema-helpers.js';
import type { ConfigOverrides, SandboxWorkspaceWrite } from './types.js';

/** Directories relative paths are resolved against. */
export interface PathContext {
  codexHome: string;
  cwd: string;
}

/** `[sandbox_workspace_write]`. */
export const SandboxWorkspaceWriteSchema = tomlTable({
  writable_roots: stringArray.optional(),
  network_access: tomlBoolean.optional(),
  exclude_tmpdir_env_var: tomlBoolean.optional(),
  exclude_slash_tmp: tomlBoolean.optional(),
});

/** `[sandbox_workspace_write]`: every field defaults to empty / false. */
export function readSandboxWorkspaceWrite(
  table: z.output<typeof SandboxWorkspaceWriteSchema> | undefined,
  layers: LayeredConfig,
  paths: PathContext,
): SandboxWorkspaceWrite {
  const rootsPath = ['sandbox_workspace_write', 'writable_roots'];
  const baseDir = baseDirFor(layers, rootsPath, paths.codexHome, paths.cwd);
  return {
    writableRoots: (table?.writable_roots ?? []).map((root) => resolveUserPath(root, baseDir)),
    networkAccess: table?.network_access ?? false,
    excludeTmpdirEnvVar: table?.exclude_tmpdir_env_var ?? false,
    excludeSlashTmp: table?.exclude_slash_tmp ?? false,
  };
}

/** The top-level keys that can replace our base instructions. */
export interface InstructionsToml {
  base_instructions?: string | undefined;
  model_instructions_file?: string | undefined;
  experimental_instructions_file?: string | undefined;
}

/**
 * Base instructions replacing ours, first found of: the explicit override, `base_instructions`,
 * the contents of `model_instructions_file`, of `experimental_instructions_file` (older name).
 */
export async function readBaseInstructions(
  toml: InstructionsToml,
  layers: LayeredConfig,
  overrides: ConfigOverrides,
  paths: PathContext,
): Promise<string | null> {
  if (overrides.baseInstructions !== undefined && overrides.baseInstructions !== null) {
    return overrides.baseInstructions;
  }
  if (toml.base_instructions !== undefined) return toml.base_instructions;
  for (const key of ['model_instructions_file', 'experimental_instructions_file'] as const) {
    const value = toml[key];
    if (value === undefined) continue;
    const baseDir = baseDirFor(layers, [key], paths.codexHome, paths.cwd);
    return readInstructionsFile(resolveUserPath(value, baseDir));
  }
  return null;
}

async function readInstructionsFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InstructionsFileError(path, `cannot read file${code ? ` (${code})` : ''}`, error);
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new InstructionsFileError(path, 'file is empty');
  }
  return trimmed;
}
