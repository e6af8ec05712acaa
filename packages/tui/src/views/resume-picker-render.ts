import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import {
  threadBranch,
  visibleThreads,
  type ResumePickerState,
  type ResumeThread,
} from './resume-picker.js';
import { renderTextField } from './text-field.js';
import {
  padToWidth,
  sanitizeText,
  truncateStartToWidth,
  truncateToWidth,
  wrapIndented,
} from './text-layout.js';

/** "just now", "5m ago", "3h ago", "2d ago" from a `Thread.updatedAt` (Unix seconds). */
export function relativeTime(updatedAt: number, nowMs: number): string {
  const ms = updatedAt > 1e12 ? updatedAt : updatedAt * 1000;
  const seconds = Math.max(0, Math.floor((nowMs - ms) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  return `${Math.floor(hours / 24)}d ago`;
}

function conversation(thread: ResumeThread): string {
  const text = thread.name !== null && thread.name.trim() !== '' ? thread.name : thread.preview;
  const flat = sanitizeText(text).replace(/\s+/g, ' ').trim();
  return flat === '' ? '(no messages)' : flat;
}

interface Column {
  header: string;
  width: number;
  cell: (t: ResumeThread) => string;
}

const MIN_CONVERSATION = 12;

function columns(
  state: ResumePickerState,
  rows: ResumeThread[],
  width: number,
  nowMs: number,
): Column[] {
  const widest = (header: string, values: string[], cap: number): number =>
    Math.min(cap, Math.max(stringWidth(header), ...values.map((v) => stringWidth(v))));
  const wide = width >= 60;
  const updated: Column = {
    header: 'Updated',
    width: widest(
      'Updated',
      rows.map((t) => relativeTime(t.updatedAt, nowMs)),
      12,
    ),
    cell: (t) => relativeTime(t.updatedAt, nowMs),
  };
  const branches = rows.map((t) => threadBranch(t) ?? '');
  const branch: Column | null = branches.some((b) => b !== '')
    ? {
        header: 'Branch',
        width: widest('Branch', branches, wide ? 24 : 10),
        cell: (t) => threadBranch(t) ?? '-',
      }
    : null;
  const cwd: Column | null =
    state.scope === 'all'
      ? {
          header: 'CWD',
          width: widest(
            'CWD',
            rows.map((t) => t.cwd),
            wide ? 30 : 12,
          ),
          cell: (t) => t.cwd,
        }
      : null;
  let cols = [updated, branch, cwd].filter((c): c is Column => c !== null);
  const rest = (cs: Column[]): number => width - 2 - cs.reduce((sum, c) => sum + c.width + 2, 0);
  const squeezed = (cs: Column[]): Column[] =>
    cs.map((c) => (c === branch || c === cwd ? { ...c, width: Math.min(c.width, 8) } : c));
  // Too narrow even with branch and folder squeezed: drop the branch, then the folder.
  for (const drop of [branch, cwd]) {
    if (drop !== null && rest(squeezed(cols)) < MIN_CONVERSATION)
      cols = cols.filter((c) => c !== drop);
  }
  // Then narrow the widest of them (not below 8) until the conversation has its room.
  const minConversation = wide ? 24 : MIN_CONVERSATION;
  const squeezable = cols.filter((c) => c === branch || c === cwd);
  while (rest(cols) < minConversation) {
    const widestCol = squeezable.reduce<Column | null>(
      (w, c) => (c.width > 8 && (w === null || c.width > w.width) ? c : w),
      null,
    );
    if (widestCol === null) break;
    widestCol.width--;
  }
  const conv: Column = {
    header: 'Conversation',
    width: Math.max(1, rest(cols)),
    cell: conversation,
  };
  return [...cols, conv];
}

function rowText(
  cols: Column[],
  cell: (c: Column) => string,
  pathColumn: Column | undefined,
): string {
  return cols
    .map((c, i) => {
      const text = cell(c);
      const fitted =
        c === pathColumn ? truncateStartToWidth(text, c.width) : truncateToWidth(text, c.width);
      return i === cols.length - 1 ? fitted : padToWidth(fitted, c.width);
    })
    .join('  ');
}

export function resumePickerLines(
  state: ResumePickerState,
  width: number,
  style: ChalkInstance,
  nowMs: number,
): string[] {
  const title = 'Resume a previous session';
  const lines = wrapIndented(title, width, '  ').map((l) => style.bold(l));
  const label = '  Search: ';
  lines.push(
    style.dim(label) +
      renderTextField(state.query, {
        width: width - label.length,
        style,
        placeholder: 'Type to search',
      }),
  );
  if (state.cwd !== null) {
    const scope =
      state.scope === 'cwd'
        ? 'Showing sessions in this folder · Tab for all'
        : 'Showing all sessions · Tab for this folder';
    lines.push(...wrapIndented(scope, width, '  ').map((l) => style.dim(l)));
  }
  lines.push('');
  const rows = visibleThreads(state);
  if (rows.length === 0) {
    const empty =
      state.error !== null
        ? `Could not load sessions: ${state.error}`
        : state.loading
          ? 'Loading…'
          : textIsEmpty(state)
            ? 'No sessions yet'
            : 'No matching sessions';
    const paint = state.error !== null ? style.red : style.dim;
    lines.push(...wrapIndented(empty, width, '  ').map((l) => paint(l)));
  } else {
    const window = rows.slice(state.scrollTop, state.scrollTop + state.maxRows);
    const cols = columns(state, window, width, nowMs);
    const pathColumn = cols.find((c) => c.header === 'CWD');
    lines.push(style.bold(`  ${rowText(cols, (c) => c.header, undefined)}`));
    window.forEach((thread, i) => {
      const selected = state.scrollTop + i === state.selected;
      const text = rowText(cols, (c) => c.cell(thread), pathColumn);
      lines.push(selected ? style.cyan(`› ${text}`) : `  ${text}`);
    });
    if (state.loadingMore) lines.push(style.dim('  Loading more…'));
    if (state.error !== null)
      lines.push(...wrapIndented(state.error, width, '  ').map((l) => style.red(l)));
  }
  lines.push('');
  const esc = state.startup ? 'esc to start new' : 'esc to close';
  lines.push(
    ...wrapIndented(`enter to resume · ${esc} · ↑/↓ to browse`, width, '  ').map((l) =>
      style.dim(l),
    ),
  );
  return lines;
}

function textIsEmpty(state: ResumePickerState): boolean {
  return state.query.chars.join('').trim() === '';
}
