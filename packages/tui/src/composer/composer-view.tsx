import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

import { composerLines } from './composer-render.js';
import type { ComposerRenderOptions } from './composer-render.js';
import type { ComposerState } from './composer-state.js';
import type { FilePopupState } from './file-popup.js';
import type { HistorySearchState } from './history-search.js';
import { filePopupLines, historySearchLine, slashPopupLines } from './popup-render.js';
import type { SlashPopupState } from './slash-popup.js';
import { clampLine, paint } from './view-text.js';

/**
 * Ink components of the composer and its popups. They only render: the lines come from the
 * pure functions in composer-render.ts / popup-render.ts, so tests and the App see the same text.
 */

function Lines({ lines, width }: { lines: readonly string[]; width: number }): ReactNode {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text>{lines.map((line) => clampLine(line, width)).join('\n')}</Text>
    </Box>
  );
}

export interface ComposerViewProps extends ComposerRenderOptions {
  state: ComposerState;
}

/** The composer with its popup (or key hints) below; see `ComposerRenderOptions`. */
export function ComposerView({ state, ...options }: ComposerViewProps): ReactNode {
  return <Lines lines={composerLines(state, options)} width={options.width} />;
}

interface PopupViewProps {
  width: number;
  /** False: no ANSI escapes at all. Default true. */
  color?: boolean;
}

export interface FilePopupViewProps extends PopupViewProps {
  popup: FilePopupState;
}

export function FilePopupView({ popup, width, color = true }: FilePopupViewProps): ReactNode {
  return <Lines lines={filePopupLines(popup, width, paint(color))} width={width} />;
}

export interface SlashPopupViewProps extends PopupViewProps {
  popup: SlashPopupState;
}

export function SlashPopupView({ popup, width, color = true }: SlashPopupViewProps): ReactNode {
  return <Lines lines={slashPopupLines(popup, width, paint(color))} width={width} />;
}

export interface HistorySearchViewProps extends PopupViewProps {
  search: HistorySearchState;
}

export function HistorySearchView({
  search,
  width,
  color = true,
}: HistorySearchViewProps): ReactNode {
  return <Lines lines={[historySearchLine(search, width, paint(color))]} width={width} />;
}
