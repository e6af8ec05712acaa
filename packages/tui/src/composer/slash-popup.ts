import { fuzzyMatch } from '@codex-ts/utils';

/**
 * The `/` command popup: open while the composer starts with `/` and the cursor is in that first
 * word. The commands (given by the App) are filtered by the word: prefix matches first, in the
 * App's order, then fuzzy matches by score. Up/Down wrap around the list.
 */

export interface SlashCommandInfo {
  name: string;
  description: string;
}

export interface SlashMatch {
  command: SlashCommandInfo;
  /** Code-point indices of the command name that matched the filter. */
  indices: readonly number[];
}

export interface SlashPopupState {
  kind: 'slash';
  /** The text after `/` (up to the cursor's word end). */
  filter: string;
  matches: readonly SlashMatch[];
  selected: number;
}

export const SLASH_POPUP_MAX_ROWS = 8;

export interface SlashToken {
  /** End offset of the `/word` token. */
  end: number;
  filter: string;
}

/** The `/word` at the start of the text when the cursor is inside it, or null. */
export function findSlashToken(text: string, cursor: number): SlashToken | null {
  if (!text.startsWith('/')) return null;
  const match = /\s/u.exec(text);
  const end = match === null ? text.length : match.index;
  if (cursor < 1 || cursor > end) return null;
  return { end, filter: text.slice(1, end) };
}

/** The commands matching `filter`: prefix matches first, then fuzzy ones. */
export function filterCommands(
  commands: readonly SlashCommandInfo[],
  filter: string,
): SlashMatch[] {
  if (filter === '') return commands.map((command) => ({ command, indices: [] }));
  const lower = filter.toLowerCase();
  const prefix: SlashMatch[] = [];
  const fuzzy: Array<SlashMatch & { score: number; order: number }> = [];
  commands.forEach((command, order) => {
    if (command.name.toLowerCase().startsWith(lower)) {
      prefix.push({ command, indices: Array.from(filter, (_, i) => i) });
      return;
    }
    const found = fuzzyMatch(filter, command.name);
    if (found !== null) fuzzy.push({ command, indices: found.indices, score: found.score, order });
  });
  fuzzy.sort((a, b) => b.score - a.score || a.order - b.order);
  return [...prefix, ...fuzzy.map(({ command, indices }) => ({ command, indices }))];
}

/** The popup for `token`, keeping the selection while the filter is unchanged; null when nothing matches. */
export function syncSlashPopup(
  previous: SlashPopupState | null,
  commands: readonly SlashCommandInfo[],
  token: SlashToken,
): SlashPopupState | null {
  if (previous !== null && previous.filter === token.filter) return previous;
  const matches = filterCommands(commands, token.filter);
  if (matches.length === 0) return null;
  return { kind: 'slash', filter: token.filter, matches, selected: 0 };
}

export function moveSlashSelection(popup: SlashPopupState, delta: -1 | 1): SlashPopupState {
  const count = popup.matches.length;
  if (count === 0) return popup;
  return { ...popup, selected: (popup.selected + delta + count) % count };
}

/** The command Enter/Tab picks: an exact name match wins over the highlighted row. */
export function chosenCommand(popup: SlashPopupState): SlashCommandInfo | null {
  const exact = popup.matches.find((match) => match.command.name === popup.filter);
  return exact?.command ?? popup.matches[popup.selected]?.command ?? null;
}

/** `/name args` → the command and its arguments when `name` is one of `commands`. */
export function parseSlashCommand(
  text: string,
  commands: readonly SlashCommandInfo[],
): { name: string; args: string } | null {
  const match = /^\/(\S+)(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (match === null) return null;
  const name = match[1] as string;
  if (!commands.some((command) => command.name === name)) return null;
  return { name, args: (match[2] ?? '').trim() };
}
