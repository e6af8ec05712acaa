import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { RenderContext } from '../cells/history-cell.js';
import { renderCell } from '../cells/index.js';
import type { ChatSnapshot } from '../session/chat-store.js';

/** Cells still running, then the streaming message's uncommitted tail. */
export function LiveArea({ chat, ctx }: { chat: ChatSnapshot; ctx: RenderContext }): ReactNode {
  const lines: string[] = [];
  for (const live of chat.live) {
    lines.push(...renderCell(live.cell, ctx));
  }
  lines.push(...chat.streamTail);
  if (lines.length === 0) return null;
  return <Text>{lines.join('\n')}</Text>;
}
