import type { ModelInfo } from '@codex-ts/models-manager';
import type { WireApi } from '@codex-ts/protocol';

/**
 * The command tool a model gets: `exec_command` + `write_stdin` (unified exec), `shell_command`
 * (one command line per call, killed at its timeout), or none.
 */
export type ShellToolKind = 'unified_exec' | 'shell_command' | 'disabled';

/** Which built-in tools a thread declares to its model. */
export interface ToolSelection {
  shell: ShellToolKind;
  /** `apply_patch` as a grammar (custom) tool, as a JSON function tool, or not declared. */
  applyPatch: 'freeform' | 'function' | null;
  updatePlan: boolean;
  viewImage: boolean;
}

/** What besides the model's metadata decides the tools. */
export interface ToolSelectionSettings {
  /** Effective feature flags (`[features]`, `--enable/--disable`); absent names use defaults. */
  features: Readonly<Record<string, boolean>>;
  wireApi: WireApi;
  /** `[tools.update_plan] enabled`. */
  updatePlanEnabled: boolean;
}

/** Feature names (the Rust Codex's) that steer tool selection, with their defaults. */
const FEATURE_DEFAULTS = {
  shell_tool: true,
  unified_exec: true,
  apply_patch_freeform: false,
  view_image_tool: true,
} as const;

function enabled(
  features: Readonly<Record<string, boolean>>,
  name: keyof typeof FEATURE_DEFAULTS,
): boolean {
  return features[name] ?? FEATURE_DEFAULTS[name];
}

/**
 * The Rust Codex's rules: without the `shell_tool` feature no command tool; with `unified_exec`
 * (on by default) `exec_command` + `write_stdin` whatever the model says; otherwise the model's
 * `shell_type`, where `default`, `local` and `unified_exec` all fall back to `shell_command`.
 * `apply_patch` follows the model's `apply_patch_tool_type`, else the `apply_patch_freeform`
 * feature; Chat Completions has no custom tools, so there it is always the function variant.
 */
export function selectTools(info: ModelInfo, settings: ToolSelectionSettings): ToolSelection {
  const { features } = settings;
  let shell: ShellToolKind;
  if (!enabled(features, 'shell_tool')) shell = 'disabled';
  else if (enabled(features, 'unified_exec')) shell = 'unified_exec';
  else shell = info.shell_type === 'disabled' ? 'disabled' : 'shell_command';

  let applyPatch: ToolSelection['applyPatch'] =
    info.apply_patch_tool_type ?? (enabled(features, 'apply_patch_freeform') ? 'freeform' : null);
  if (applyPatch !== null && settings.wireApi === 'chat') applyPatch = 'function';

  return {
    shell,
    applyPatch,
    updatePlan: settings.updatePlanEnabled,
    viewImage: enabled(features, 'view_image_tool'),
  };
}
