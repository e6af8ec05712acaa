import { FuzzyFileSearchParamsSchema, type FuzzyFileSearchParams } from '@codex-ts/protocol';
import { runFuzzyFileSearch, type SearchCancellation } from '../../file-search/run-file-search.js';
import { parseParams } from '../../protocol/parse-params.js';
import type { ProcessorServices } from '../request-handler.js';
import { defineHandler } from '../request-handler.js';

/** Searches in flight with a cancellation token, per processor (shared by its connections). */
const pendingByProcessor = new WeakMap<ProcessorServices, Map<string, SearchCancellation>>();

/**
 * `fuzzyFileSearch`: fuzzy-matches `query` against the file and directory paths under `roots`
 * (`.gitignore` respected) and answers `{files}`, at most 50, best first. An empty query or no
 * roots answers no files. A search with the `cancellationToken` of one still running cancels
 * that one, which then answers no files (as the Rust app server does).
 */
export const fuzzyFileSearchHandler = defineHandler({
  method: 'fuzzyFileSearch',
  requiresInitialize: true,
  parse: (params) => parseParams('fuzzyFileSearch', FuzzyFileSearchParamsSchema, params),
  async handle(ctx, params: FuzzyFileSearchParams) {
    let pending = pendingByProcessor.get(ctx.services);
    if (pending === undefined) {
      pending = new Map();
      pendingByProcessor.set(ctx.services, pending);
    }
    const token = params.cancellationToken ?? null;
    const cancellation: SearchCancellation = { cancelled: false };
    if (token !== null) {
      const previous = pending.get(token);
      if (previous !== undefined) previous.cancelled = true;
      pending.set(token, cancellation);
    }
    try {
      const files =
        params.query === '' || params.roots.length === 0
          ? []
          : await runFuzzyFileSearch(params.query, params.roots, cancellation);
      ctx.respond({ files });
    } finally {
      if (token !== null && pending.get(token) === cancellation) pending.delete(token);
    }
  },
});
