import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeTokenSet } from './fake-oauth-issuer.js';

export interface ChatgptAuthJsonOptions {
  /** `tokens.account_id` (e.g. the fake issuer's `account.accountId`). */
  accountId: string;
  /** `last_refresh` (default: now). */
  lastRefresh?: Date | string;
  /** `OPENAI_API_KEY` (default null). */
  apiKey?: string | null;
  /** More top-level fields, e.g. unknown ones that must survive a rewrite. */
  extra?: Record<string, unknown>;
}

/** Writes `<codexHome>/auth.json` (mode 0600) for a ChatGPT sign-in, as `codex login` does. */
export async function writeChatgptAuthJson(
  codexHome: string,
  tokens: FakeTokenSet,
  opts: ChatgptAuthJsonOptions,
): Promise<void> {
  const lastRefresh = opts.lastRefresh ?? new Date();
  await writeFile(
    join(codexHome, 'auth.json'),
    JSON.stringify({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: opts.apiKey ?? null,
      tokens: { ...tokens, account_id: opts.accountId },
      last_refresh: typeof lastRefresh === 'string' ? lastRefresh : lastRefresh.toISOString(),
      ...opts.extra,
    }),
    { mode: 0o600 },
  );
}
