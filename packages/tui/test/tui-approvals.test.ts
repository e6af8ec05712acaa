// End-to-end approvals in the built TUI (tmux): the modal answers the app server's requests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  completed,
  customToolCall,
  functionCall,
  responseCreated,
  sseResponse,
  usage,
} from '@codex-ts/test-support';
import { answer, startTui, tuiRuns } from './tui-harness.js';

const runs = tuiRuns();

describe('codex (TUI) approvals', () => {
  it('asks before running a command; "y" approves it and it runs', async () => {
    const run = runs.use(
      await startTui({
        args: ['-a', 'untrusted', '-s', 'workspace-write'],
        mockProvider: { model: 'gpt-5.1-codex' },
      }),
    );
    const { term, env } = run;
    env.server.enqueue(
      sseResponse(
        responseCreated(),
        functionCall('call_1', 'exec_command', { cmd: 'touch made-by-model.txt' }),
        completed('r1', usage({ input: 1, output: 1 })),
      ),
      answer('The file is there.'),
    );
    await term.waitFor('context left');
    await term.send('make a file');
    await term.sendKeys('Enter');
    await term.waitFor('touch made-by-model.txt');
    await term.waitFor('Yes, proceed');
    expect(existsSync(join(env.work.path, 'made-by-model.txt'))).toBe(false);
    await term.send('y');
    await term.waitFor('The file is there.');
    expect(existsSync(join(env.work.path, 'made-by-model.txt'))).toBe(true);
    const output = JSON.stringify(env.server.lastRequest()?.body);
    expect(output).toContain('function_call_output');
  });

  it('declining a patch leaves the file alone and tells the model', async () => {
    const run = runs.use(
      await startTui({
        args: ['-a', 'on-request', '-s', 'read-only'],
        mockProvider: { model: 'gpt-5.1-codex' },
      }),
    );
    const { term, env } = run;
    const patch = [
      '*** Begin Patch',
      '*** Add File: declined.txt',
      '+never written',
      '*** End Patch',
    ].join('\n');
    env.server.enqueue(
      sseResponse(
        responseCreated(),
        customToolCall('call_p', 'apply_patch', patch),
        completed('r1', usage({ input: 1, output: 1 })),
      ),
      answer('Understood, no changes.'),
    );
    await term.waitFor('context left');
    await term.send('add a file');
    await term.sendKeys('Enter');
    await term.waitFor('declined.txt');
    await term.waitFor(/No, and tell Codex/);
    await term.send('n');
    // The feedback box: send it empty.
    await term.sendKeys('Enter');
    await term.waitFor('Understood, no changes.');
    expect(existsSync(join(env.work.path, 'declined.txt'))).toBe(false);
    const body = JSON.stringify(env.server.lastRequest()?.body);
    expect(body).toContain('custom_tool_call_output');
    expect(body).toMatch(/reject|declin/i);
  });
});
