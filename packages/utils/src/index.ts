export { uuidV7 } from './uuid-v7.js';
export {
  APPROX_BYTES_PER_TOKEN,
  utf8ByteLength,
  approxTokenCount,
  approxTokensFromByteCount,
  approxBytesForTokens,
  truncationByteBudget,
  truncateMiddleChars,
  truncateMiddleTokens,
  truncateText,
  formattedTruncateText,
  countLines,
} from './truncate.js';
export type { TruncationPolicy, TokenTruncation } from './truncate.js';
export { shellQuote, shellQuoteJoin, ShellQuoteError } from './shell-quote.js';
export {
  codexUserAgent,
  isValidHeaderValue,
  DEFAULT_ORIGINATOR,
  ORIGINATOR_OVERRIDE_ENV_VAR,
} from './user-agent/user-agent.js';
export type { UserAgentParts } from './user-agent/user-agent.js';
export { platformInfo } from './user-agent/platform.js';
export type { PlatformInfo } from './user-agent/platform.js';
export { writeFileAtomic } from './atomic-write.js';
export type { AtomicWriteFs, AtomicFileHandle, AtomicWriteOptions } from './atomic-write.js';
export { fuzzyMatch } from './fuzzy-match.js';
export type { FuzzyMatch } from './fuzzy-match.js';
export { compileFuzzyQuery } from './fuzzy-score.js';
export type { CompiledFuzzyQuery } from './fuzzy-score.js';
export { FuzzyCandidates } from './fuzzy-candidates.js';
export { lazy } from './lazy.js';
export { TimeSlice } from './time-slice.js';
