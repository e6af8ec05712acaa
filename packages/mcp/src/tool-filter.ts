import type { McpServerConfig } from '@codex-ts/config';

/**
 * `enabled_tools` / `disabled_tools`: a tool is offered when the allow-list (if any) names it
 * and the deny-list does not, as the Rust Codex filters them.
 */
export class ToolFilter {
  private constructor(
    private readonly enabled: ReadonlySet<string> | null,
    private readonly disabled: ReadonlySet<string>,
  ) {}

  static fromConfig(config: Pick<McpServerConfig, 'enabledTools' | 'disabledTools'>): ToolFilter {
    return new ToolFilter(
      config.enabledTools === null ? null : new Set(config.enabledTools),
      new Set(config.disabledTools ?? []),
    );
  }

  allows(tool: string): boolean {
    if (this.enabled !== null && !this.enabled.has(tool)) return false;
    return !this.disabled.has(tool);
  }
}
