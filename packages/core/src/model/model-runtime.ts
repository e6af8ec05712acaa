import type { ModelInfo, ResolvedModelInfo } from '@codex-ts/models-manager';
import { createApplyPatchTool } from '../tools/apply-patch/apply-patch-tool.js';
import type { TruncationPolicy } from '@codex-ts/utils';
import { createExecCommandTool } from '../tools/exec-command/exec-command-tool.js';
import { createShellCommandTool, createShellTool } from '../tools/shell/shell-tool.js';
import { createWriteStdinTool } from '../tools/write-stdin/write-stdin-tool.js';
import { ToolRouter } from '../tools/tool-router.js';
import type { ToolHandler } from '../tools/tool-types.js';
import { createUpdatePlanTool } from '../tools/update-plan/update-plan-tool.js';
import { createViewImageTool } from '../tools/view-image/view-image-tool.js';
import { requestTraits, type RequestTraits } from './request-traits.js';
import { selectTools, type ToolSelection, type ToolSelectionSettings } from './tool-selection.js';

/** Everything a turn needs from the model's metadata: its tools and request traits. */
export interface ModelRuntime {
  info: ModelInfo;
  selection: ToolSelection;
  router: ToolRouter;
  traits: RequestTraits;
  /** Set when the model is unknown and fallback metadata is used. */
  warning: string | null;
}

export function createModelRuntime(
  resolved: ResolvedModelInfo,
  settings: ToolSelectionSettings,
): ModelRuntime {
  const selection = selectTools(resolved.info, settings);
  return {
    info: resolved.info,
    selection,
    router: buildToolRouter(selection, truncationOf(resolved.info)),
    traits: requestTraits(resolved.info),
    warning: resolved.warning ?? null,
  };
}

/**
 * The Rust Codex's declaration order: the command tool(s), update_plan, apply_patch, view_image.
 * With any command tool, the argv `shell` tool stays callable without being declared.
 */
export function buildToolRouter(
  selection: ToolSelection,
  truncation: TruncationPolicy = DEFAULT_TRUNCATION,
): ToolRouter {
  const tools: ToolHandler[] = [];
  const undeclared: ToolHandler[] = [];
  if (selection.shell === 'unified_exec') {
    tools.push(createExecCommandTool(), createWriteStdinTool());
  } else if (selection.shell === 'shell_command') {
    tools.push(createShellCommandTool({ truncation }));
  }
  if (selection.shell !== 'disabled') undeclared.push(createShellTool({ truncation }));
  if (selection.updatePlan) tools.push(createUpdatePlanTool());
  if (selection.applyPatch !== null) tools.push(createApplyPatchTool(selection.applyPatch));
  if (selection.viewImage) tools.push(createViewImageTool());
  return new ToolRouter(tools, undeclared);
}

const DEFAULT_TRUNCATION: TruncationPolicy = { kind: 'tokens', limit: 10_000 };

/** The model's `truncation_policy` in the shape the tools take. */
function truncationOf(info: ModelInfo): TruncationPolicy {
  return { kind: info.truncation_policy.mode, limit: info.truncation_policy.limit };
}
