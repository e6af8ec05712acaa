export {
  initialComposerState,
  composerText,
  isComposerEmpty,
  setTaskRunning,
  setSlashCommands,
  setPersistentHistory,
  setComposerWidth,
  setComposerText,
} from './composer-state.js';
export type {
  ComposerState,
  ComposerPopup,
  ComposerEffect,
  ComposerKeyResult,
  ComposerOptions,
  KillBuffer,
} from './composer-state.js';
export { handleComposerKey } from './composer-keys.js';
export { handlePaste, attachImage, LARGE_PASTE_CHAR_THRESHOLD } from './paste.js';
export type { PasteOptions } from './paste.js';
export { pastedImagePath, IMAGE_EXTENSIONS } from './image-path.js';
export { setFileSearchResults } from './popup-keys.js';
export { FILE_POPUP_MAX_RESULTS } from './file-popup.js';
export type { FileMatch, FilePopupState } from './file-popup.js';
export { filterCommands, SLASH_POPUP_MAX_ROWS } from './slash-popup.js';
export type { SlashCommandInfo, SlashMatch, SlashPopupState } from './slash-popup.js';
export type { HistorySearchState } from './history-search.js';
export type { ComposerDraft, ComposerHistory } from './history.js';
export { expandElements } from './elements.js';
export type { ComposerElement, PasteElement, ImageElement } from './elements.js';
export { wrapRows, layoutText } from './layout.js';
export type { VisualRow, TextLayout } from './layout.js';
export {
  composerLines,
  composerCursor,
  composerTextWidth,
  composerHint,
  DEFAULT_COMPOSER_PLACEHOLDER,
} from './composer-render.js';
export type { ComposerRenderOptions } from './composer-render.js';
export { filePopupLines, slashPopupLines, historySearchLine } from './popup-render.js';
export { ComposerView, FilePopupView, SlashPopupView, HistorySearchView } from './composer-view.js';
export type {
  ComposerViewProps,
  FilePopupViewProps,
  SlashPopupViewProps,
  HistorySearchViewProps,
} from './composer-view.js';
