import type { AppServerClient } from '@codex-ts/app-server-client';
import { appendHistoryEntry, resolveCodexHome, searchHistory } from '@codex-ts/config';
import type { TuiIo, TuiOptions } from '../startup/tui-options.js';

/** Entries the composer loads for Up/Down and Ctrl+R (the newest ones). */
const LOADED_ENTRIES = 2_000;

export interface LocalHistory {
  /** Saved prompts, oldest first. */
  load(): Promise<string[]>;
  /** Saves a submitted prompt (unless `[history] persistence = "none"`); never throws. */
  record(threadId: string | null, text: string): void;
}

/**
 * The prompt history of `CODEX_HOME/history.jsonl` on this machine: the in-process server's
 * CODEX_HOME, or the local one when driving a remote server. `[history]` settings come from the
 * server's config.
 */
export function localHistory(opts: TuiOptions, io: TuiIo, client: AppServerClient): LocalHistory {
  const codexHome = opts.remote === null ? client.serverInfo.codexHome : resolveCodexHome(io.env);
  const settings = client
    .request('config/read', {})
    .then((r) => {
      const history = (r.config as Record<string, unknown>)['history'] as
        { persistence?: string; max_bytes?: number } | undefined;
      return {
        persistence: history?.persistence === 'none' ? ('none' as const) : ('save-all' as const),
        maxBytes: typeof history?.max_bytes === 'number' ? history.max_bytes : null,
      };
    })
    .catch(() => ({ persistence: 'save-all' as const, maxBytes: null }));
  return {
    async load() {
      try {
        const hits = await searchHistory(codexHome, '', LOADED_ENTRIES);
        return hits.map((hit) => hit.entry.text).reverse();
      } catch {
        return [];
      }
    },
    record(threadId, text) {
      if (text.trim() === '') return;
      void settings
        .then(({ persistence, maxBytes }) =>
          appendHistoryEntry({
            codexHome,
            sessionId: threadId ?? '',
            text,
            persistence,
            maxBytes,
          }),
        )
        .catch(() => undefined);
    },
  };
}
