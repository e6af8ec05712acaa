import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  OllamaClient,
  OssPullError,
  OssServerUnavailableError,
  OssVersionTooOldError,
  ensureOssReady,
} from '@codex-ts/providers';
import type { EnsureOssReadyOptions, OssReadyResult } from '@codex-ts/providers';
import {
  OLLAMA_UNKNOWN_MODEL_ERROR,
  completed,
  responseCreated,
  sseResponse,
  startFakeOllamaServer,
} from '@codex-ts/test-support';
import type { FakeOllamaServer, FakeOllamaServerOptions } from '@codex-ts/test-support';
import { ossProvider, rejection } from './helpers.js';

const GIB = 1024 * 1024 * 1024;
let servers: FakeOllamaServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function ollama(opts: FakeOllamaServerOptions = {}): Promise<FakeOllamaServer> {
  const server = await startFakeOllamaServer(opts);
  servers.push(server);
  return server;
}

interface Captured {
  text: string;
  warnings: string[];
}

/** Runs ensureOssReady with a fake clock that advances one second per reading. */
async function prepare(
  baseUrl: string,
  model: string,
  isTTY: boolean,
  extra: Partial<EnsureOssReadyOptions> = {},
): Promise<{ result: OssReadyResult; out: Captured }> {
  const out: Captured = { text: '', warnings: [] };
  let clock = 0;
  const result = await ensureOssReady({
    providerId: 'ollama',
    provider: ossProvider('ollama', baseUrl),
    model,
    progress: { write: (text) => (out.text += text), isTTY },
    now: () => (clock += 1000),
    onWarning: (message) => out.warnings.push(message),
    ...extra,
  });
  return { result, out };
}

function layerStatus(model: string): string {
  return `pulling ${createHash('sha256').update(`${model}/layer`).digest('hex').slice(0, 12)}`;
}

describe('Ollama readiness', () => {
  it('reports a server that is down with its URL and how to start it', async () => {
    const server = await ollama();
    const { url, baseUrl } = server;
    await server.close();
    const error = await rejection(prepare(baseUrl, 'gpt-oss:20b', false));
    expect(error).toBeInstanceOf(OssServerUnavailableError);
    const down = error as OssServerUnavailableError;
    expect(down.code).toBe('oss_server_unavailable');
    expect(down.url).toBe(`${url}/v1/models`);
    expect(down.httpStatus).toBeNull();
    expect(down.message).toBe(
      `No running Ollama server detected at ${url}. Start it with: \`ollama serve\` (after ` +
        'installing). Install instructions: https://github.com/ollama/ollama?tab=readme-ov-file#ollama',
    );
  });

  it('probes /api/tags when the base URL is the server root', async () => {
    const server = await ollama({ models: ['llama3.2:3b', 'mistral:latest'] });
    const client = new OllamaClient({ baseUrl: server.url });
    await client.probe();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/tags']);
    expect(await client.listModels()).toEqual(['llama3.2:3b', 'mistral:latest']);
    expect((await client.version())?.text).toBe('0.13.5');
  });

  it('does nothing more when the model is installed', async () => {
    const server = await ollama({ models: ['gpt-oss:20b'] });
    const { result, out } = await prepare(server.baseUrl, 'gpt-oss:20b', true);
    expect(result).toMatchObject({ action: 'present', serverVersion: '0.13.5', modelLoad: null });
    expect(out.text).toBe('');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/models',
      'GET /api/version',
      'GET /api/tags',
    ]);
    expect(server.pullRequests()).toEqual([]);
  });

  it('accepts `name` for an installed `name:latest`', async () => {
    const server = await ollama({ models: ['qwen3:latest'] });
    const { result } = await prepare(server.baseUrl, 'qwen3', false);
    expect(result.action).toBe('present');
  });

  it('pulls a missing model, printing plain progress lines off a terminal', async () => {
    const model = 'gpt-oss:20b';
    const server = await ollama({ pullable: { [model]: { total: 2 * GIB, chunks: 4 } } });
    const { result, out } = await prepare(server.baseUrl, model, false);
    expect(result.action).toBe('pulled');
    expect(server.pullRequests()).toEqual([{ model, stream: true }]);
    expect(server.requestsTo('/api/pull')[0]?.headers['content-type']).toBe('application/json');
    expect(out.text).toBe(
      [
        `Pulling model ${model}...`,
        layerStatus(model),
        'Downloading model: total 2.00 GB',
        '0.00/2.00 GB (0.0%) 0.0 MB/s',
        '0.50/2.00 GB (25.0%) 512.0 MB/s',
        '1.00/2.00 GB (50.0%) 512.0 MB/s',
        '1.50/2.00 GB (75.0%) 512.0 MB/s',
        '2.00/2.00 GB (100.0%) 512.0 MB/s',
        'verifying sha256 digest',
        'writing manifest',
        'success',
        '',
      ].join('\n'),
    );
    expect(server.installedModels()).toContain(model);
    const again = await prepare(server.baseUrl, model, false);
    expect(again.result.action).toBe('present');
  });

  it('redraws one progress line on a terminal', async () => {
    const model = 'gpt-oss:20b';
    const server = await ollama({ pullable: { [model]: { total: 2 * GIB, chunks: 2 } } });
    const { out } = await prepare(server.baseUrl, model, true);
    const status = layerStatus(model);
    const pad = (text: string, previous: string) =>
      `\r${text}${' '.repeat(Math.max(previous.length - text.length, 0))}`;
    const zero = '0.00/2.00 GB (0.0%) 0.0 MB/s';
    const half = '1.00/2.00 GB (50.0%) 1024.0 MB/s';
    const full = '2.00/2.00 GB (100.0%) 1024.0 MB/s';
    const pulling = `Pulling model ${model}...`;
    expect(out.text).toBe(
      pad(pulling, '') +
        pad(status, pulling) +
        '\r\x1b[2KDownloading model: total 2.00 GB\n' +
        pad(zero, '') +
        pad(status, zero) +
        pad(half, status) +
        pad(status, half) +
        pad(full, status) +
        pad('verifying sha256 digest', full) +
        pad('writing manifest', 'verifying sha256 digest') +
        pad('success', 'writing manifest') +
        '\n',
    );
    expect(out.text).not.toContain('pulling manifest');
  });

  it('fails the setup on an error line in the pull stream', async () => {
    const server = await ollama({ failPull: 'pull model manifest: 429 too many requests' });
    const out = { text: '' };
    const error = await rejection(
      ensureOssReady({
        providerId: 'ollama',
        provider: ossProvider('ollama', server.baseUrl),
        model: 'gpt-oss:20b',
        progress: { write: (t) => (out.text += t), isTTY: true },
      }),
    );
    expect(error).toBeInstanceOf(OssPullError);
    const pull = error as OssPullError;
    expect(pull.code).toBe('oss_pull_failed');
    expect(pull.serverMessage).toBe('pull model manifest: 429 too many requests');
    expect(pull.message).toBe(
      'OSS setup failed: Pull failed: pull model manifest: 429 too many requests',
    );
    // The half-drawn status line is ended so the error prints on a line of its own.
    expect(out.text).toBe('\rPulling model gpt-oss:20b...\n');
    expect(server.installedModels()).toEqual([]);
  });

  it('reports a model the registry does not have', async () => {
    const server = await ollama();
    const error = await rejection(prepare(server.baseUrl, 'no-such-model', false));
    expect((error as Error).message).toBe(
      `OSS setup failed: Pull failed: ${OLLAMA_UNKNOWN_MODEL_ERROR}`,
    );
  });

  it('refuses an Ollama too old for the Responses API', async () => {
    const server = await ollama({ version: '0.12.11', models: ['gpt-oss:20b'] });
    const error = await rejection(prepare(server.baseUrl, 'gpt-oss:20b', false));
    expect(error).toBeInstanceOf(OssVersionTooOldError);
    const old = error as OssVersionTooOldError;
    expect(old.code).toBe('oss_version_too_old');
    expect(old.version).toBe('0.12.11');
    expect(old.minimumVersion).toBe('0.13.4');
    expect(old.message).toBe(
      'Ollama 0.12.11 is too old. Codex requires Ollama 0.13.4 or newer; upgrade it from ' +
        'https://ollama.com/download and restart `ollama serve`.',
    );
    expect(server.requestsTo('/api/tags')).toEqual([]);
  });

  it('goes on when the server has no version endpoint', async () => {
    const server = await ollama({ version: null, models: ['gpt-oss:20b'] });
    const { result } = await prepare(server.baseUrl, 'gpt-oss:20b', false);
    expect(result).toMatchObject({ action: 'present', serverVersion: null });
  });

  it('skips providers that are not local', async () => {
    const result = await ensureOssReady({
      providerId: 'openai',
      provider: ossProvider('ollama', 'http://127.0.0.1:9/v1'),
      model: 'gpt-5',
      progress: { write: () => {} },
    });
    expect(result.action).toBe('skipped');
  });

  it('fails a pull that ends without success or answers an HTTP error', async () => {
    const truncated = new OllamaClient({
      baseUrl: 'http://ollama.invalid:11434/v1',
      fetchImpl: async () => new Response('{"status":"pulling manifest"}\n{"status":"pulli'),
    });
    const events: string[] = [];
    const ended = await rejection(truncated.pullModel('m', (e) => events.push(e.type)));
    expect((ended as OssPullError).message).toBe('Pull stream ended unexpectedly without success.');
    expect(events).toEqual(['status', 'status']);

    const refused = new OllamaClient({
      baseUrl: 'http://ollama.invalid:11434/v1',
      fetchImpl: async () =>
        new Response('{"error":"boom"}', { status: 500, statusText: 'Internal Server Error' }),
    });
    const http = await rejection(refused.pullModel('m'));
    expect((http as OssPullError).message).toBe(
      'failed to start pull: HTTP 500 Internal Server Error',
    );
  });

  it('serves scripted model requests from the fake Ollama', async () => {
    const server = await ollama({
      models: ['gpt-oss:20b'],
      modelResponses: [sseResponse(responseCreated(), completed('resp_9'))],
    });
    const response = await fetch(`${server.baseUrl}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-oss:20b', input: 'hi', stream: true }),
    });
    expect(await response.text()).toContain('"id":"resp_9"');
    expect(server.modelRequests()).toHaveLength(1);
    const exhausted = await fetch(`${server.baseUrl}/chat/completions`, { method: 'POST' });
    expect(exhausted.status).toBe(500);
    expect(server.errors).toHaveLength(1);
  });
});
