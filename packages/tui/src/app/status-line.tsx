import { Text } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import type { ThreadTokenUsage } from '@codex-ts/protocol';
import type { RunningTurn, SessionInfo } from '../session/chat-store.js';
import { contextLeftPercent } from './context-left.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** "⠋ Working (12s • Esc to interrupt)" while a turn runs. */
export function StatusIndicator({
  turn,
  header,
  color,
}: {
  turn: RunningTurn;
  header: string;
  color: boolean;
}): ReactNode {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const frame = SPINNER[Math.floor(now / 100) % SPINNER.length] ?? '•';
  return (
    <Text>
      {color ? <Text color="cyan">{frame}</Text> : <Text>{frame}</Text>} <Text bold>{header}</Text>
      <Text dimColor>{` (${elapsed(now - turn.startedAtMs)} • Esc to interrupt)`}</Text>
    </Text>
  );
}

function shortCwd(cwd: string): string {
  const home = process.env['HOME'];
  return home && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
}

/** The footer: model with reasoning effort, directory, and how much context is left. */
export function StatusFooter({
  session,
  tokenUsage,
  width,
}: {
  session: SessionInfo | null;
  tokenUsage: ThreadTokenUsage | null;
  width: number;
}): ReactNode {
  if (!session) return null;
  const left = `${contextLeftPercent(tokenUsage) ?? 100}% context left`;
  const model = `${session.model}${session.effort ? ` ${session.effort}` : ''}`;
  // Drop the directory, then the model, when the terminal is too narrow for all three.
  const candidates = [[model, shortCwd(session.cwd), left], [model, left], [left]];
  const line =
    candidates.map((parts) => parts.join(' · ')).find((text) => text.length <= width) ?? left;
  return (
    <Text dimColor wrap="truncate-middle">
      {line.length > width ? line.slice(0, Math.max(0, width - 1)) + '…' : line}
    </Text>
  );
}
