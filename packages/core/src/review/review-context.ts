import { extraWritableRoots, type ResolvedConfig } from '@codex-ts/config';
import type { MessageItem, ResponseItem } from '@codex-ts/protocol';
import { initialContextItems } from '../context/initial-context.js';
import type { ShellInfo } from '../tools/tool-types.js';

/**
 * The context a review starts from: the permissions message and the `<environment_context>`,
 * as for a new thread, but without AGENTS.md and developer instructions. The reviewer judges
 * the changes on their own, not through the thread's conversation or its project notes.
 */
export function reviewContextItems(config: ResolvedConfig, shell: ShellInfo): ResponseItem[] {
  return initialContextItems(
    {
      codexHome: null,
      cwd: config.cwd,
      shell,
      sandboxMode: config.sandboxMode,
      approvalPolicy: config.approvalPolicy,
      writableRoots: extraWritableRoots(config),
      networkAccess: config.sandboxWorkspaceWrite.networkAccess,
      developerInstructions: null,
    },
    null,
  );
}

/**
 * The settings the reviewer's tools are chosen with: those of the thread, without `view_image`
 * (and the caller declares no hosted web search), as the Rust Codex restricts its reviewer.
 */
export function reviewToolConfig(config: ResolvedConfig): ResolvedConfig {
  return { ...config, features: { ...config.features, view_image_tool: false } };
}

/** The review request as the user message that opens the reviewer's conversation. */
export function reviewPromptMessage(prompt: string): MessageItem {
  return { type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] };
}
