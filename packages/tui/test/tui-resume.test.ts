// End-to-end: reopening earlier threads in the built TUI (tmux), from /resume and `codex resume`.
import { describe, expect, it } from 'vitest';
import { answer, startTui, tuiRuns, type TuiRun } from './tui-harness.js';

const runs = tuiRuns();

/** A first session that asks one question and quits; returns its run (env kept for the next). */
async function firstSession(): Promise<TuiRun> {
  const first = runs.use(await startTui());
  first.env.server.enqueue(answer('The first answer.'));
  await first.term.waitFor('context left');
  await first.term.send('remember the word pelican');
  await first.term.sendKeys('Enter');
  await first.term.waitFor('The first answer.');
  await first.term.sendKeys('C-c');
  await first.term.sendKeys('C-c');
  await first.term.waitForExit();
  return first;
}

describe('codex (TUI) resume', () => {
  it('/resume picks an earlier thread, shows it, and continues it', async () => {
    const first = await firstSession();
    const second = runs.use(await startTui({ env: first.env }));
    const { term, env } = second;
    await term.waitFor('context left');
    await term.send('/resume');
    await term.sendKeys('Enter');
    await term.waitFor('remember the word pelican');
    await term.sendKeys('Enter');
    await term.waitFor('The first answer.');
    env.server.enqueue(answer('Pelican it was.'));
    await term.send('what was the word?');
    await term.sendKeys('Enter');
    await term.waitFor('Pelican it was.');
    const body = JSON.stringify(env.server.lastRequest()?.body);
    expect(body).toContain('remember the word pelican');
    expect(body).toContain('The first answer.');
  });

  it('codex resume --last reopens the latest thread of this directory', async () => {
    const first = await firstSession();
    const second = runs.use(await startTui({ env: first.env, args: ['resume', '--last'] }));
    await second.term.waitFor('remember the word pelican');
    await second.term.waitFor('The first answer.');
    await second.term.waitFor('context left');
  });
});
