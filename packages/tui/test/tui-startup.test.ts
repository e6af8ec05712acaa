// End-to-end start-up of the built TUI (tmux): first prompt from argv, trust prompt, sign-in
// screen, NO_COLOR, a narrow terminal, and a remote app server.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, startAppServerProcess, startModelTestEnv } from '@codex-ts/test-support';
import { answer, startTui, tuiRuns } from './tui-harness.js';

const runs = tuiRuns();

describe('codex (TUI) start-up', () => {
  it('codex "prompt" sends the prompt at once', async () => {
    const run = runs.use(await startTui({ args: ['list the files'] }));
    run.env.server.enqueue(answer('Here they are.'));
    await run.term.waitFor('Here they are.');
    expect(JSON.stringify(run.env.server.lastRequest()?.body)).toContain('list the files');
  });

  it('asks whether to trust an unknown folder and saves the answer', async () => {
    const run = runs.use(await startTui({ untrusted: true }));
    const { term, env } = run;
    await term.waitFor('trust');
    await term.waitFor(/Yes, allow Codex/);
    await term.sendKeys('Enter');
    await term.waitFor('context left');
    const config = await readFile(join(env.home.path, 'config.toml'), 'utf8');
    expect(config).toContain(`[projects.${JSON.stringify(env.work.path)}]`);
    expect(config).toMatch(/trust_level = "(un)?trusted"/);
  });

  it('shows the sign-in screen without credentials and accepts an API key', async () => {
    const env = await startModelTestEnv();
    // The built-in OpenAI provider, which needs a sign-in (no OPENAI_API_KEY in the env).
    await writeFile(
      join(env.home.path, 'config.toml'),
      `model = "gpt-5.1-codex"\n\n[projects.${JSON.stringify(env.work.path)}]\ntrust_level = "trusted"\n`,
    );
    const started = await startTui({ env });
    const run = runs.use({
      ...started,
      close: async () => (await started.close(), await env.cleanup()),
    });
    const { term } = run;
    await term.waitFor('Provide your own API key');
    await term.sendKeys('Down', 'Down');
    await term.sendKeys('Enter');
    await term.waitFor('API key');
    await term.send('sk-test-from-tui');
    await term.waitFor('****************');
    await term.sendKeys('Enter');
    await term.waitFor('context left');
    const auth = JSON.parse(await readFile(join(env.home.path, 'auth.json'), 'utf8')) as {
      OPENAI_API_KEY?: string;
    };
    expect(auth.OPENAI_API_KEY).toBe('sk-test-from-tui');
  });

  it('stays usable at 40 columns and reflows when resized', async () => {
    const run = runs.use(await startTui({ columns: 40, rows: 20 }));
    const { term, env } = run;
    env.server.enqueue(answer('A narrow answer that has to wrap over several lines here.'));
    await term.waitFor('context left');
    await term.send('hi');
    await term.sendKeys('Enter');
    const screen = await term.waitFor('several');
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    // At 40 columns the footer has no room for the directory; at 90 it has again.
    expect(screen).not.toContain(`${env.work.path} · 100% context left`);
    await term.resize(90, 20);
    await term.waitFor(`gpt-test · ${env.work.path} · 100% context left`);
  });

  it('NO_COLOR turns colour off', async () => {
    const run = runs.use(await startTui({ extraEnv: { NO_COLOR: '1' } }));
    const { term, env } = run;
    env.server.enqueue(answer('Plain **text** here.'));
    await term.waitFor('context left');
    await term.send('hi');
    await term.sendKeys('Enter');
    await term.waitFor('Plain text here.');
    await term.waitFor((s) => !s.includes('Esc to interrupt'));
    const raw = await term.screenWithEscapes();
    // No foreground/background colour sets (SGR 30-37, 38, 40-47, 48, 90-97).
    expect(raw).not.toMatch(/\u001b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7])(?:;[0-9;]*)?m/);
  });
});

describe('codex --remote (TUI)', () => {
  it('drives a remote app server over WebSocket and reports when it goes away', async () => {
    const env = await startModelTestEnv();
    const server = await startAppServerProcess(
      env.work.path,
      baseEnv(env.home.path, { MOCK_KEY: 'dummy' }),
    );
    const started = await startTui({ env, args: ['--remote', server.url] });
    const run = runs.use({
      ...started,
      close: async () => {
        await started.close();
        await server.kill();
        await env.cleanup();
      },
    });
    const { term } = run;
    env.server.enqueue(answer('Answered by the remote server.'));
    await term.waitFor('context left');
    await term.send('hello remote');
    await term.sendKeys('Enter');
    await term.waitFor('Answered by the remote server.');
    expect(JSON.stringify(env.server.lastRequest()?.body)).toContain('hello remote');
    await server.kill();
    await term.waitFor(/lost the app server/, { scrollback: true });
    expect(await term.waitForExit()).toBe(1);
  });
});
