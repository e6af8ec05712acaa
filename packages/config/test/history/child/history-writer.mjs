// Child process for the concurrent-append test: appends `count` prompts to history.jsonl.
// Usage: node --import ../../../../core/test/state-db/child/ts-hooks.mjs history-writer.mjs <home> <prefix> <count> [maxBytes]
import { appendHistoryEntry } from '../../../src/history/history-append.ts';

const [codexHome, prefix, countText, maxBytesText] = process.argv.slice(2);
const maxBytes = maxBytesText === undefined ? undefined : Number(maxBytesText);
for (let i = 0; i < Number(countText); i++) {
  // Long enough lines that a torn write would show.
  const text = `${prefix} ${i} ${'x'.repeat(200 + (i % 7) * 100)}`;
  await appendHistoryEntry({
    codexHome,
    sessionId: `${prefix}-session`,
    text,
    persistence: 'save-all',
    maxBytes,
  });
}
process.stdout.write('ok\n');
