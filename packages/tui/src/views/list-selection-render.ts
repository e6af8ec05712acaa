import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { ListSelectionState } from './list-selection.js';
import { renderTextField } from './text-field.js';
import { padToWidth, wrapIndented, wrapToWidth } from './text-layout.js';

/** Narrowest description column worth putting beside the labels; below it they go underneath. */
const MIN_DESCRIPTION_COLUMN = 24;

/** The numbered rows in the scroll window: `› 1. Label (current)  description`. */
export function selectionRowLines<T>(
  state: ListSelectionState<T>,
  width: number,
  style: ChalkInstance,
): string[] {
  if (state.visible.length === 0) return [style.dim('  No matches')];
  const window = state.visible.slice(state.scrollTop, state.scrollTop + state.maxRows);
  const numberWidth = `${state.visible.length}. `.length;
  const heads = window.map((index, i) => {
    const item = state.items[index];
    const n = `${state.scrollTop + i + 1}.`.padEnd(numberWidth);
    return `${n}${item?.label ?? ''}${item?.current === true ? ' (current)' : ''}`;
  });
  const headWidth = Math.max(...heads.map((h) => stringWidth(h)));
  const column = 2 + headWidth + 2;
  const beside = width - column >= MIN_DESCRIPTION_COLUMN;
  const lines: string[] = [];
  window.forEach((index, i) => {
    const item = state.items[index];
    if (item === undefined) return;
    const isSelected = state.scrollTop + i === state.selected;
    const paint = (text: string): string =>
      item.disabled === true ? style.dim(text) : isSelected ? style.cyan(text) : text;
    const marker = isSelected ? '› ' : '  ';
    const head = heads[i] ?? '';
    const desc = item.description ?? '';
    if (beside && desc !== '') {
      const descLines = wrapToWidth(desc, width - column);
      descLines.forEach((d, j) => {
        const left =
          j === 0 ? paint(marker + padToWidth(head, headWidth)) + '  ' : ' '.repeat(column);
        lines.push(left + style.dim(d));
      });
      return;
    }
    const headLines = wrapIndented(head, width, ' '.repeat(2 + numberWidth), marker);
    lines.push(...headLines.map(paint));
    if (desc !== '') {
      lines.push(
        ...wrapIndented(desc, width, ' '.repeat(2 + numberWidth)).map((l) => style.dim(l)),
      );
    }
  });
  return lines;
}

/** The search line: `  Search: text` (or the placeholder). */
export function searchLine<T>(
  state: ListSelectionState<T>,
  width: number,
  style: ChalkInstance,
): string {
  const label = '  Search: ';
  const field = renderTextField(state.search, {
    width: width - label.length,
    style,
    placeholder: state.searchPlaceholder,
  });
  return style.dim(label) + field;
}

/** The footer hint, with the position when the list scrolls. */
export function footerLines<T>(
  state: ListSelectionState<T>,
  width: number,
  style: ChalkInstance,
): string[] {
  if (state.footer === null) return [];
  const n = state.visible.length;
  const position = n > state.maxRows && state.selected >= 0 ? ` · ${state.selected + 1}/${n}` : '';
  return wrapIndented(state.footer + position, width, '  ').map((l) => style.dim(l));
}

/** Title, subtitle, search box, rows and footer of a list selection. */
export function listSelectionLines<T>(
  state: ListSelectionState<T>,
  width: number,
  style: ChalkInstance,
): string[] {
  const lines = wrapIndented(state.title, width, '  ').map((l) => style.bold(l));
  if (state.subtitle !== null && state.subtitle !== '') {
    lines.push(...wrapIndented(state.subtitle, width, '  ').map((l) => style.dim(l)));
  }
  lines.push('');
  if (state.searchable) lines.push(searchLine(state, width, style), '');
  lines.push(...selectionRowLines(state, width, style));
  const footer = footerLines(state, width, style);
  if (footer.length > 0) lines.push('', ...footer);
  return lines;
}
