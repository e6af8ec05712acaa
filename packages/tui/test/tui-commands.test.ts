// End-to-end: composer features and slash commands of the built TUI (tmux).
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completed, outputTextMessage, responseCreated, usage } from '@codex-ts/test-support';
import { answer, startTui, tuiRuns } from './tui-harness.js';

const runs = tuiRuns();

describe('codex (TUI) composer', () => {
  it('Tab queues a message while a turn runs; it is sent when the turn ends', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    const slow = outputTextMessage('First answer.');
    env.server.enqueue(
      {
        kind: 'sse',
        events: [responseCreated(), ...slow, completed('r1', usage({ input: 1, output: 1 }))],
        delayMs: 1500,
      },
      answer('Second answer.'),
    );
    await term.waitFor('context left');
    await term.send('first');
    await term.sendKeys('Enter');
    await term.waitFor('Esc to interrupt');
    // Text and Tab in one write, as when keys come faster than the UI reads them: the Tab
    // still queues (it is not typed into the message).
    await term.send('second, queued\t');
    await term.waitFor('↳ second, queued');
    await term.waitFor('Second answer.');
    const inputs = env.server.modelRequests().map((r) => JSON.stringify(r.body));
    expect(inputs).toHaveLength(2);
    expect(inputs[1]).toContain('second, queued');
  });

  it('!cmd runs a shell command and shows its output', async () => {
    const run = runs.use(await startTui());
    const { term } = run;
    await term.waitFor('context left');
    await term.send('!echo shell-said-$((40+2))');
    await term.sendKeys('Enter');
    await term.waitFor('shell-said-42');
    await term.waitFor('You ran');
  });

  it('Ctrl+T opens the transcript overlay and q closes it; Ctrl+D quits on an empty composer', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    env.server.enqueue(answer('An answer worth reading.'));
    await term.waitFor('context left');
    await term.send('hello');
    await term.sendKeys('Enter');
    await term.waitFor('An answer worth reading.');
    await term.sendKeys('C-t');
    await term.waitFor(/T R A N S C R I P T|Transcript|transcript/);
    await term.send('q');
    await term.waitFor('context left');
    await term.sendKeys('C-d');
    expect(await term.waitForExit()).toBe(0);
    await term.waitFor('To continue this session, run codex resume', { scrollback: true });
  });
});

describe('codex (TUI) slash commands', () => {
  it('/status shows the session settings', async () => {
    const run = runs.use(await startTui());
    const { term } = run;
    await term.waitFor('context left');
    await term.send('/status');
    await term.sendKeys('Enter');
    await term.waitFor('Approval policy:');
    await term.waitFor('Model provider:');
  });

  it('/diff shows changes including untracked files', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: env.work.path });
    git('init', '-q');
    git('-c', 'user.email=t@e', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'init');
    await writeFile(join(env.work.path, 'brand-new.txt'), 'fresh line\n');
    await term.waitFor('context left');
    await term.send('/diff');
    await term.sendKeys('Enter');
    await term.waitFor('brand-new.txt');
    await term.waitFor('+fresh line');
  });

  it('/new starts a fresh thread', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    env.server.setDefault(answer('ok'));
    await term.waitFor('context left');
    await term.send('one');
    await term.sendKeys('Enter');
    await term.waitFor('• ok');
    await term.send('/new');
    await term.sendKeys('Enter');
    await term.send('two');
    await term.sendKeys('Enter');
    await term.waitFor((s) => s.split('• ok').length > 2);
    const [first, second] = env.server.modelRequests().map((r) => JSON.stringify(r.body));
    expect(second).not.toContain('"one"');
    expect(first).toContain('one');
  });
});

describe('codex (TUI) /review', () => {
  it('/review with instructions runs an inline review and shows its findings', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    const findings = JSON.stringify({
      findings: [
        {
          title: '[P1] Off-by-one in the loop',
          body: 'The loop reads one element past the end.',
          confidence_score: 0.9,
          priority: 1,
          code_location: {
            absolute_file_path: join(env.work.path, 'a.ts'),
            line_range: { start: 3, end: 3 },
          },
        },
      ],
      overall_correctness: 'patch is incorrect',
      overall_explanation: 'One real bug.',
      overall_confidence_score: 0.8,
    });
    env.server.enqueue(answer(findings));
    await term.waitFor('context left');
    await term.send('/review look at the loop bounds');
    await term.sendKeys('Enter');
    await term.waitFor('Code review started');
    await term.waitFor('Off-by-one in the loop');
    const body = JSON.stringify(env.server.lastRequest()?.body);
    expect(body).toContain('look at the loop bounds');
  });
});
