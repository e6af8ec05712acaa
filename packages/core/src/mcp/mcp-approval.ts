import type { McpServerConfig, McpToolApprovalMode } from '@codex-ts/config';
import type { McpToolAnnotations } from '@codex-ts/mcp';
import type { AskForApproval, SandboxMode } from '@codex-ts/protocol';

/** What the user is told when an MCP tool call needs an approval nobody can give here. */
export const MCP_CALL_CANCELLED_MESSAGE = 'user cancelled MCP tool call';

/** `mcp_servers.<s>.tools.<t>.approval_mode`, else the server's default, else `auto`. */
export function mcpToolApprovalMode(config: McpServerConfig, tool: string): McpToolApprovalMode {
  return config.toolApprovalModes[tool] ?? config.defaultToolsApprovalMode ?? 'auto';
}

/**
 * Whether an MCP tool call must be approved first, by the Rust Codex's rules: never with full
 * access (`approval_policy = never` and no sandbox) or `approval_mode = "approve"`; always with
 * `"prompt"`; otherwise only when the server annotated the tool and the annotations do not say it
 * is harmless (destructive, or not read-only and possibly destructive or open-world).
 */
export function mcpToolNeedsApproval(opts: {
  annotations: McpToolAnnotations | undefined;
  mode: McpToolApprovalMode;
  approvalPolicy: AskForApproval;
  sandboxMode: SandboxMode;
}): boolean {
  if (opts.approvalPolicy === 'never' && opts.sandboxMode === 'danger-full-access') return false;
  if (opts.mode === 'approve') return false;
  if (opts.mode === 'prompt') return true;
  const annotations = opts.annotations;
  if (annotations === undefined) return false;
  if (annotations.destructiveHint === true) return true;
  if (annotations.readOnlyHint === true) return false;
  return (annotations.destructiveHint ?? true) || (annotations.openWorldHint ?? true);
}
