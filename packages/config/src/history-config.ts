import { nonNegativeInteger, tomlEnum, tomlTable } from './schema-helpers.js';

/** `[history]`: whether submitted prompts are saved to `history.jsonl`, and its size cap. */
export interface HistoryConfig {
  persistence: 'save-all' | 'none';
  /** Trim the oldest entries once the file passes this many bytes; null: no cap. */
  maxBytes: number | null;
}

export const HistoryTomlSchema = tomlTable({
  persistence: tomlEnum(['save-all', 'none'] as const).optional(),
  max_bytes: nonNegativeInteger.optional(),
});

export function readHistoryConfig(
  history: { persistence?: 'save-all' | 'none'; max_bytes?: number } | undefined,
): HistoryConfig {
  return {
    persistence: history?.persistence ?? 'save-all',
    maxBytes: history?.max_bytes ?? null,
  };
}
