import type { ThreadTokenUsage } from '@codex-ts/protocol';
import { contextLeftPercent } from './context-left.js';
import type { UiController } from './ui-controller.js';

const DIFF_SCRIPT = [
  'git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "__NOT_GIT__"; exit 0; }',
  'git -c color.ui=always diff HEAD 2>/dev/null || git -c color.ui=always diff',
  'git ls-files --others --exclude-standard -z | while IFS= read -r -d "" f; do',
  '  git -c color.ui=always diff --no-index -- /dev/null "$f"',
  'done',
].join('\n');

/** /diff: the working tree against HEAD, untracked files included, run where the thread runs. */
export async function showDiff(ui: UiController): Promise<void> {
  const store = ui.session.store;
  const cwd = store.getSnapshot().session?.cwd ?? process.cwd();
  const result = await ui.session.client.request('command/exec', {
    command: ['bash', '-c', DIFF_SCRIPT],
    cwd,
    sandboxPolicy: { type: 'readOnly' },
    timeoutMs: 30_000,
  });
  const out = result.stdout.replace(/\n+$/, '');
  if (out.includes('__NOT_GIT__')) {
    store.commitCell({
      kind: 'info',
      title: '/diff',
      lines: ['`/diff` — not inside a git repository'],
    });
    return;
  }
  const text = store.renderContext.color ? out : stripAnsi(out);
  store.commitCell({
    kind: 'info',
    title: '/diff',
    lines: text === '' ? ['No changes detected.'] : text.split('\n'),
  });
}

/** /status: the session's settings, the account, and token usage. */
export async function showStatus(ui: UiController): Promise<void> {
  const store = ui.session.store;
  const snapshot = store.getSnapshot();
  const session = snapshot.session;
  const account = await ui.session.client.request('account/read', {}).catch(() => null);
  const lines = [
    `Model:            ${session?.model ?? '-'}${session?.effort ? ` (reasoning ${session.effort})` : ''}`,
    `Model provider:   ${session?.modelProvider ?? '-'}`,
    `Directory:        ${session?.cwd ?? '-'}`,
    `Approval policy:  ${session?.approvalPolicy ?? '-'}`,
    `Sandbox:          ${session?.sandbox ?? '-'}`,
    `Account:          ${accountLine(account?.account ?? null)}`,
    `Session:          ${session?.threadId ?? '-'}`,
    ...usageLines(snapshot.tokenUsage),
  ];
  store.commitCell({ kind: 'info', title: '/status', lines });
}

/** /mcp: every configured MCP server with its state and tools. */
export async function showMcpStatus(ui: UiController): Promise<void> {
  const store = ui.session.store;
  const threadId = ui.session.currentThreadId;
  const response = await ui.session.client.request('mcpServerStatus/list', {
    ...(threadId ? { threadId } : {}),
  });
  if (response.data.length === 0) {
    store.commitCell({
      kind: 'info',
      title: '/mcp',
      lines: ['No MCP servers configured. Add one with `codex mcp add` or in config.toml.'],
    });
    return;
  }
  const lines: string[] = [];
  for (const server of response.data) {
    const state = server.runtimeStatus ?? 'unknown';
    lines.push(`• ${server.name} (${state})`);
    const tools = Object.keys(server.tools).sort();
    lines.push(`    Tools: ${tools.length > 0 ? tools.join(', ') : '(none)'}`);
    if (server.toolsError) lines.push(`    Error: ${server.toolsError}`);
  }
  store.commitCell({ kind: 'info', title: '/mcp', lines });
}

function accountLine(account: unknown): string {
  const a = account as { type?: string; email?: string | null; planType?: string | null } | null;
  if (!a) return 'not signed in';
  if (a.type === 'apiKey') return 'API key';
  return [a.email, a.planType ? `(${a.planType})` : null].filter(Boolean).join(' ') || 'ChatGPT';
}

function usageLines(usage: ThreadTokenUsage | null): string[] {
  if (!usage) return ['Token usage:      none yet'];
  const t = usage.total;
  const lines = [
    `Token usage:      ${t.totalTokens} total (${t.inputTokens} input` +
      `${t.cachedInputTokens > 0 ? `, ${t.cachedInputTokens} cached` : ''}, ${t.outputTokens} output)`,
  ];
  const left = contextLeftPercent(usage);
  if (left !== null && usage.modelContextWindow !== null) {
    lines.push(`Context window:   ${left}% left of ${usage.modelContextWindow} tokens`);
  }
  return lines;
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
