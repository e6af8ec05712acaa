import type { ThreadItem, UserInput } from '@codex-ts/protocol';
import type { HistoryCell } from '../cells/history-cell.js';

/**
 * The history cell that shows a thread item, or null for items the history does not show
 * (agent messages stream through their own path; context compaction is a notice).
 */
export function cellForItem(item: ThreadItem, cwd: string): HistoryCell | null {
  switch (item.type) {
    case 'userMessage':
      return userCell(item.content);
    case 'agentMessage':
      return { kind: 'agent', markdown: item.text, first: true };
    case 'reasoning': {
      const text = item.summary.join('\n\n').trim();
      return text === '' ? null : { kind: 'reasoning', text };
    }
    case 'commandExecution':
      return {
        kind: 'exec',
        command: item.command,
        cwd: item.cwd,
        status: item.status,
        actions: item.commandActions,
        output: item.aggregatedOutput ?? '',
        exitCode: item.exitCode,
        durationMs: item.durationMs,
        source: item.source === 'userShell' ? 'user' : 'agent',
      };
    case 'fileChange':
      return { kind: 'patch', changes: item.changes, status: item.status, cwd };
    case 'mcpToolCall':
      return {
        kind: 'mcp',
        server: item.server,
        tool: item.tool,
        arguments: item.arguments,
        status: item.status,
        resultText: item.result === null ? null : contentText(item.result.content),
        error: item.error?.message ?? null,
        durationMs: item.durationMs,
      };
    case 'webSearch':
      return { kind: 'web-search', query: item.query };
    case 'imageView':
      return { kind: 'image-view', path: item.path };
    case 'contextCompaction':
      return { kind: 'info', title: null, lines: ['Context compacted'] };
    case 'enteredReviewMode':
      return { kind: 'info', title: null, lines: [`>> Code review started: ${item.review} <<`] };
    case 'exitedReviewMode':
      // The review itself follows as an agent message.
      return { kind: 'info', title: null, lines: ['<< Code review finished >>'] };
  }
}

/** A user message cell from the inputs of a turn (text parts joined, images listed). */
export function userCell(content: readonly UserInput[]): HistoryCell {
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of content) {
    if (part.type === 'text') texts.push(part.text);
    else if (part.type === 'localImage') images.push(part.path);
    else if (part.type === 'image') images.push(part.url);
  }
  return { kind: 'user', text: texts.join('\n'), images };
}

/** The text of MCP content blocks (text blocks verbatim, others named by type). */
function contentText(content: readonly unknown[]): string {
  return content
    .map((block) => {
      const b = block as { type?: unknown; text?: unknown } | null;
      if (b && b.type === 'text' && typeof b.text === 'string') return b.text;
      return `<${typeof b?.type === 'string' ? b.type : 'content'}>`;
    })
    .join('\n');
}
