import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  baseEnv,
  completed,
  jsonLines,
  makeTempCodexHome,
  outputTextMessage,
  responseCreated,
  runCodex,
  sseResponse,
  startFakeLmStudioServer,
  startFakeOllamaServer,
  type TempDir,
} from '@codex-ts/test-support';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function home(configToml = ''): Promise<TempDir> {
  const dir = await makeTempCodexHome();
  cleanups.push(() => dir.cleanup());
  if (configToml !== '') await writeFile(join(dir.path, 'config.toml'), configToml);
  return dir;
}

const reply = (text: string) =>
  sseResponse(responseCreated(), outputTextMessage(text), completed());

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function execOss(dir: TempDir, args: string[], env: Record<string, string>) {
  return runCodex(['exec', '--json', '--skip-git-repo-check', '--oss', ...args, 'hi'], {
    cwd: dir.path,
    env: baseEnv(dir.path, env),
  });
}

describe('codex exec --oss', () => {
  it('runs a turn on Ollama when the default model is installed (no pull)', async () => {
    const ollama = await startFakeOllamaServer({ models: ['gpt-oss:20b'] });
    cleanups.push(() => ollama.close());
    ollama.enqueue(reply('hello from ollama'));
    const dir = await home();
    const run = await execOss(dir, ['--local-provider', 'ollama'], {
      CODEX_OSS_BASE_URL: ollama.baseUrl,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    expect(events.at(-2)?.['item']).toMatchObject({ text: 'hello from ollama' });
    expect(ollama.pullRequests()).toEqual([]);
    const [request] = ollama.modelRequests();
    expect(request?.path).toBe('/v1/responses');
    expect((request?.body as { model: string }).model).toBe('gpt-oss:20b');
    // Local servers need no key.
    expect(request?.headers['authorization']).toBeUndefined();
  });

  it('pulls a missing model with progress on stderr, then runs the turn', async () => {
    const ollama = await startFakeOllamaServer({
      models: [],
      pullable: { 'gpt-oss:20b': { total: 2 * 1024 ** 3, chunks: 4 } },
    });
    cleanups.push(() => ollama.close());
    ollama.enqueue(reply('pulled and ready'));
    const dir = await home('oss_provider = "ollama"\n');
    const run = await execOss(dir, [], { CODEX_OSS_BASE_URL: ollama.baseUrl });
    expect(run.code).toBe(0);
    expect(ollama.pullRequests()).toEqual([{ model: 'gpt-oss:20b', stream: true }]);
    expect(run.stderr).toContain('Pulling model gpt-oss:20b...');
    expect(run.stderr).toContain('Downloading model: total 2.00 GB');
    expect(run.stderr).toMatch(/2\.00\/2\.00 GB \(100\.0%\)/);
    expect(run.stderr).toContain('success');
    expect(ollama.installedModels()).toContain('gpt-oss:20b');
    expect(jsonLines(run.stdout).at(-2)?.['item']).toMatchObject({ text: 'pulled and ready' });
  });

  it('fails at once with a clear message when Ollama is down', async () => {
    const port = await closedPort();
    const dir = await home();
    const run = await execOss(dir, ['--local-provider', 'ollama', '-m', 'llama3'], {
      CODEX_OSS_PORT: String(port),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`No running Ollama server detected at http://localhost:${port}`);
    expect(run.stderr).toContain('ollama serve');
  });

  it('says how to choose a provider when none is configured', async () => {
    const dir = await home();
    const run = await execOss(dir, [], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'No default OSS provider configured. Use --local-provider=provider or set oss_provider',
    );
  });

  it('runs on LM Studio with its default model and asks it to load the model', async () => {
    const lmstudio = await startFakeLmStudioServer({ models: ['openai/gpt-oss-20b'] });
    cleanups.push(() => lmstudio.close());
    lmstudio.enqueue(reply('hello from lm studio'));
    const dir = await home('oss_provider = "lmstudio"\n');
    const run = await execOss(dir, [], { CODEX_OSS_BASE_URL: lmstudio.baseUrl });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).at(-2)?.['item']).toMatchObject({
      text: 'hello from lm studio',
    });
    const turnRequest = lmstudio
      .modelRequests()
      .map((r) => r.body as { model: string; input: unknown })
      .find((body) => Array.isArray(body.input));
    expect(turnRequest?.model).toBe('openai/gpt-oss-20b');
    // Before the turn, LM Studio is asked to load the model (a one-token request).
    expect(lmstudio.loadRequests().map((r) => (r.body as { model: string }).model)).toEqual([
      'openai/gpt-oss-20b',
    ]);
  });

  it('rejects an unknown --local-provider as a usage error', async () => {
    const dir = await home();
    const run = await execOss(dir, ['--local-provider', 'vllm'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'vllm' is invalid");
  });
});
