// End-to-end: the built `codex` TUI in a real terminal (tmux) against the fake Responses server.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  usage,
} from '@codex-ts/test-support';
import { startTui, tuiRuns } from './tui-harness.js';

const runs = tuiRuns();

describe('codex (TUI) chat', () => {
  it('sends a typed prompt and shows the streamed answer; Ctrl+C twice quits and restores the terminal', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    env.server.enqueue(
      sseResponse(
        responseCreated(),
        outputTextMessage('Hello from the **fake** model.', { deltas: 4 }),
        completed('resp_1', usage({ input: 100, output: 10 })),
      ),
    );
    await term.waitFor('context left');
    await term.send('say hello');
    await term.sendKeys('Enter');
    await term.waitFor('Hello from the fake model.');
    const request = env.server.lastRequest();
    expect(JSON.stringify(request?.body)).toContain('say hello');
    await term.sendKeys('C-c');
    await term.waitFor('Ctrl+C again');
    await term.sendKeys('C-c');
    expect(await term.waitForExit()).toBe(0);
    expect(await term.ttyModes()).toBe('icanon echo');
    expect((await term.cursorState()).visible).toBe(true);
  });
});

describe('codex (TUI) turn control', () => {
  it('Esc interrupts a turn mid-stream', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    const message = outputTextMessage('Streaming a long answer that never ends', { deltas: 3 });
    env.server.enqueue({ kind: 'hang', events: [responseCreated(), ...message.slice(0, -1)] });
    await term.waitFor('context left');
    await term.send('tell me a story');
    await term.sendKeys('Enter');
    await term.waitFor('Esc to interrupt');
    await term.sendKeys('Escape');
    await term.waitFor('Conversation interrupted');
    await term.waitFor((s) => !s.includes('Esc to interrupt'));
  });

  it('/model switches the model for the next request', async () => {
    const run = runs.use(await startTui({ mockProvider: { model: 'gpt-5.1-codex' } }));
    const { term, env } = run;
    env.server.setDefault(
      sseResponse(
        responseCreated(),
        outputTextMessage('ok'),
        completed('r', usage({ input: 1, output: 1 })),
      ),
    );
    await term.waitFor('context left');
    await term.send('/model');
    await term.sendKeys('Enter');
    await term.waitFor('Select Model');
    // The second model of the catalog, then its default effort.
    await term.sendKeys('Down');
    await term.sendKeys('Enter');
    // A model with several reasoning levels asks for one; take the default.
    const step = await term.waitFor(/Select Reasoning Level|Model changed to/);
    if (!step.includes('Model changed to')) await term.sendKeys('Enter');
    const screen = await term.waitFor(/Model changed to (\S+)/);
    const chosen = /Model changed to (\S+)/.exec(screen)?.[1];
    expect(chosen).toBeTruthy();
    expect(chosen).not.toBe('gpt-5.1-codex');
    await term.send('hello');
    await term.sendKeys('Enter');
    await term.waitFor('• ok');
    const body = env.server.lastRequest()?.body as { model?: string };
    expect(body.model).toBe(chosen);
  });

  it('@ opens the file search and picks a file into the prompt', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    await writeFile(join(env.work.path, 'needle-file.ts'), 'x');
    await writeFile(join(env.work.path, 'other.md'), 'y');
    env.server.setDefault(
      sseResponse(
        responseCreated(),
        outputTextMessage('seen'),
        completed('r', usage({ input: 1, output: 1 })),
      ),
    );
    await term.waitFor('context left');
    await term.send('look at @needl');
    await term.waitFor('needle-file.ts');
    await term.sendKeys('Tab');
    await term.waitFor('look at needle-file.ts');
    await term.sendKeys('Enter');
    await term.waitFor('• seen');
    expect(JSON.stringify(env.server.lastRequest()?.body)).toContain('look at needle-file.ts');
  });
});

describe('codex (TUI) backtrack', () => {
  it('Esc Esc puts the last message back; sending it replaces the last turn', async () => {
    const run = runs.use(await startTui());
    const { term, env } = run;
    env.server.setDefault(
      sseResponse(
        responseCreated(),
        outputTextMessage('noted'),
        completed('r', usage({ input: 1, output: 1 })),
      ),
    );
    await term.waitFor('context left');
    await term.send('the first wording');
    await term.sendKeys('Enter');
    await term.waitFor('• noted');
    await term.sendKeys('Escape');
    await term.waitFor('Esc again');
    await term.sendKeys('Escape');
    await term.waitFor('Editing your last message');
    await term.sendKeys('C-u');
    await term.send('a better wording');
    await term.sendKeys('Enter');
    await term.waitFor((s) => s.split('• noted').length > 2);
    const last = JSON.stringify(env.server.lastRequest()?.body);
    expect(last).toContain('a better wording');
    expect(last).not.toContain('the first wording');
  });
});
