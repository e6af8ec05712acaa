import { FuzzyFileSearchParamsSchema, type FuzzyFileSearchParams } from '@codex-ts/protocol';
import { DEFAULT_MAX_ROOTS, FileIndexCache } from '../../file-search/file-index-cache.js';
import { runFuzzyFileSearch, type SearchCancellation } from '../../file-search/run-file-search.js';
import { parseParams } from '../../protocol/parse-params.js';
import type { ProcessorServices } from '../request-handler.js';
import { defineHandler } from '../request-handler.js';

/** Per processor (shared by its connections): searches in flight by token, and root indexes. */
interface SearchState {
  pending: Map<string, SearchCancellation>;
  indexes: FileIndexCache;
}

const stateByProcessor = new WeakMap<ProcessorServices, SearchState>();

function searchState(services: ProcessorServices): SearchState {
  let state = stateByProcessor.get(services);
  if (state === undefined) {
    state = { pending: new Map(), indexes: new FileIndexCache() };
    stateByProcessor.set(services, state);
  }
  return state;
}

/**
 * `fuzzyFileSearch`: fuzzy-matches `query` against the file and directory paths under `roots`
 * (`.gitignore` respected) and answers `{files}`, at most 50, best first. Each root's paths are
 * indexed on first use and kept for later searches (see `FileIndexCache` for when they are
 * checked again). An empty query or no roots answers no files; an empty query still starts
 * indexing its roots, so the first keystroke of a popup finds the index ready. A search with
 * the `cancellationToken` of one still running cancels that one, which then answers no files
 * (as the Rust app server does).
 */
export const fuzzyFileSearchHandler = defineHandler({
  method: 'fuzzyFileSearch',
  requiresInitialize: true,
  parse: (params) => parseParams('fuzzyFileSearch', FuzzyFileSearchParamsSchema, params),
  async handle(ctx, params: FuzzyFileSearchParams) {
    const { pending, indexes } = searchState(ctx.services);
    const token = params.cancellationToken ?? null;
    const cancellation: SearchCancellation = { cancelled: false };
    if (token !== null) {
      const previous = pending.get(token);
      if (previous !== undefined) previous.cancelled = true;
      pending.set(token, cancellation);
    }
    try {
      if (params.query === '') {
        for (const root of params.roots.slice(0, DEFAULT_MAX_ROOTS)) {
          indexes.get(root).catch(() => undefined);
        }
      }
      const files =
        params.query === '' || params.roots.length === 0
          ? []
          : await runFuzzyFileSearch(params.query, params.roots, cancellation, indexes);
      ctx.respond({ files });
    } finally {
      if (token !== null && pending.get(token) === cancellation) pending.delete(token);
    }
  },
});
