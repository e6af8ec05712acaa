export { renderMarkdown, renderMarkdownTokens, lexMarkdown } from './render-markdown.js';
export type { MarkdownContext, RenderTokensOptions } from './render-markdown.js';
export { createStreamCommitter, agentLines, AGENT_PREFIX_WIDTH } from './stream-committer.js';
export type { StreamCommitter, StreamCommitterOptions } from './stream-committer.js';
export { benchStreamCommit, benchMessage } from './stream-bench.js';
export type { StreamBenchResult } from './stream-bench.js';
export { highlightLine, codeLanguage } from './code-highlight.js';
export { styleFor } from './style.js';
export type { Style } from './style.js';
export {
  widthOf,
  wrapWords,
  wrapChars,
  wrapText,
  wrapWithPrefix,
  prefixLines,
  truncateToWidth,
  padEndTo,
  fitWidth,
} from './wrap.js';
export { warmUpMarkdown } from './warm-up.js';
