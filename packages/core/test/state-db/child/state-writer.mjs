// Child process for the concurrency test: opens the state DB and writes `count` threads, each
// inserted, touched and renamed, mixing single statements and transactions.
// Usage: node --import ./ts-hooks.mjs state-writer.mjs <dir> <prefix> <count>
import { StateDb } from '../../../src/state-db/state-db.ts';

const [dir, prefix, countText] = process.argv.slice(2);
const count = Number(countText);
const db = await StateDb.open(dir);
const base = 1_700_000_000_000;
for (let i = 0; i < count; i++) {
  const id = `${prefix}-${String(i).padStart(5, '0')}`;
  const row = {
    id,
    rolloutPath: `/rollouts/${id}.jsonl`,
    cwd: `/work/${prefix}`,
    modelProvider: 'openai',
    source: 'cli',
    createdAt: base + i,
    updatedAt: base + i,
  };
  if (i % 2 === 0) {
    db.upsertThread(row);
  } else {
    db.transaction(() => db.upsertThread(row));
  }
  db.touchThread(id, base + 10_000 + i, `hello from ${id}`);
  if (i % 10 === 0) db.setThreadName(id, `name ${id}`);
}
db.close();
process.stdout.write('ok\n');
