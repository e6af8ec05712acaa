import type { ModelInfo, ResolvedModelInfo } from '@codex-ts/models-manager';
import { createApplyPatchTool } from '../tools/apply-patch/apply-patch-tool.js';
import { createExecCommandTool } from '../tools/exec-command/exec-command-tool.js';
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
    router: buildToolRouter(selection),
    traits: requestTraits(resolved.info),
    warning: resolved.warning ?? null,
  };
}

/** The Rust Codex's declaration order: the command tool, update_plan, apply_patch, view_image. */
export function buildToolRouter(selection: ToolSelection): ToolRouter {
  const tools: ToolHandler[] = [];
  if (selection.shell !== 'disabled') tools.push(createExecCommandTool());
  if (selection.updatePlan) tools.push(createUpdatePlanTool());
  if (selection.applyPatch !== null) tools.push(createApplyPatchTool(selection.applyPatch));
  if (selection.viewImage) tools.push(createViewImageTool());
  return new ToolRouter(tools);
}
