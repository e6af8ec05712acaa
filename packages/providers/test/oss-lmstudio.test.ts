import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LmStudioClient,
  LmsNotFoundError,
  OssDownloadError,
  OssServerUnavailableError,
  ensureOssReady,
  findLmsBinary,
} from '@codex-ts/providers';
import type { EnsureOssReadyOptions, OssReadyResult } from '@codex-ts/providers';
import {
  completed,
  responseCreated,
  sseResponse,
  startFakeLmStudioServer,
} from '@codex-ts/test-support';
import type { FakeLmStudioServer, FakeLmStudioServerOptions } from '@codex-ts/test-support';
import { ossProvider, rejection } from './helpers.js';

const MODEL = 'openai/gpt-oss-20b';
let servers: FakeLmStudioServer[] = [];
let dirs: string[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  servers = [];
  dirs = [];
});

async function lmstudio(opts: FakeLmStudioServerOptions = {}): Promise<FakeLmStudioServer> {
  const server = await startFakeLmStudioServer(opts);
  servers.push(server);
  return server;
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'codex-oss-lms-'));
  dirs.push(dir);
  return dir;
}

/** A fake `lms` that records its arguments, prints a line and exits with `exitCode`. */
function fakeLms(dir: string, exitCode = 0): { argsFile: string } {
  const argsFile = path.join(dir, 'lms-args.txt');
  const script = path.join(dir, 'lms');
  writeFileSync(
    script,
    `#!/bin/sh\necho "$@" > "${argsFile}"\necho "Downloaded $3"\necho "noise" >&2\nexit ${exitCode}\n`,
  );
  chmodSync(script, 0o755);
  return { argsFile };
}

async function prepare(
  server: FakeLmStudioServer | string,
  extra: Partial<EnsureOssReadyOptions> = {},
): Promise<{ result: OssReadyResult; text: string; warnings: string[] }> {
  let text = '';
  const warnings: string[] = [];
  const baseUrl = typeof server === 'string' ? server : server.baseUrl;
  const result = await ensureOssReady({
    providerId: 'lmstudio',
    provider: ossProvider('lmstudio', baseUrl),
    model: MODEL,
    progress: { write: (t) => (text += t), isTTY: false },
    onWarning: (m) => warnings.push(m),
    lms: { env: { PATH: '' }, homeDir: tempDir() },
    ...extra,
  });
  await result.modelLoad;
  return { result, text, warnings };
}

/** The fake `lms` is a shell script. */
const posixIt = it.skipIf(process.platform === 'win32');

describe('LM Studio readiness', () => {
  it('loads an installed model without downloading', async () => {
    const server = await lmstudio({ models: [MODEL, 'qwen/qwen3-8b'] });
    const { result, text, warnings } = await prepare(server);
    expect(result.action).toBe('present');
    expect(text).toBe('');
    expect(warnings).toEqual([]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/models',
      'GET /v1/models',
      'POST /v1/responses',
    ]);
    expect(server.loadRequests().map((r) => r.body)).toEqual([
      { model: MODEL, input: '', max_output_tokens: 1 },
    ]);
    expect(await new LmStudioClient({ baseUrl: server.baseUrl }).listModels()).toEqual([
      MODEL,
      'qwen/qwen3-8b',
    ]);
  });

  it('reports a server that is down', async () => {
    const server = await lmstudio();
    const baseUrl = server.baseUrl;
    await server.close();
    const error = await rejection(prepare(baseUrl));
    expect(error).toBeInstanceOf(OssServerUnavailableError);
    expect((error as OssServerUnavailableError).providerId).toBe('lmstudio');
    expect((error as Error).message).toBe(
      `OSS setup failed: LM Studio is not responding at ${baseUrl}. Install from ` +
        "https://lmstudio.ai/download and run 'lms server start'.",
    );
  });

  posixIt('downloads a missing model with `lms get --yes`', async () => {
    const server = await lmstudio({ models: [] });
    const bin = tempDir();
    const { argsFile } = fakeLms(bin);
    const { result, text, warnings } = await prepare(server, {
      lms: { env: { PATH: bin }, homeDir: tempDir() },
    });
    expect(result.action).toBe('downloaded');
    expect(readFileSync(argsFile, 'utf8')).toBe(`get --yes ${MODEL}\n`);
    expect(text).toBe(`Downloading model: ${MODEL}\nDownloaded ${MODEL}\n`);
    // The fake `lms` did not really add the model, so loading it fails: only a warning.
    expect(warnings).toEqual([
      `Failed to load model ${MODEL}: Failed to load model: 404 Not Found`,
    ]);
  });

  posixIt('finds `lms` in ~/.lmstudio/bin when it is not on PATH', async () => {
    const server = await lmstudio({ models: [] });
    const home = tempDir();
    const bin = path.join(home, '.lmstudio', 'bin');
    mkdirSync(bin, { recursive: true });
    const { argsFile } = fakeLms(bin);
    expect(findLmsBinary({ env: { PATH: '' }, homeDir: home })).toBe(path.join(bin, 'lms'));
    server.addModel(MODEL);
    const { result } = await prepare(server, {
      model: 'qwen/qwen3-8b',
      lms: { env: {}, homeDir: home },
    });
    expect(result.action).toBe('downloaded');
    expect(readFileSync(argsFile, 'utf8')).toBe('get --yes qwen/qwen3-8b\n');
  });

  it('explains a missing `lms`', async () => {
    const server = await lmstudio({ models: [] });
    const home = tempDir();
    const error = await rejection(prepare(server, { lms: { env: { PATH: '' }, homeDir: home } }));
    expect(error).toBeInstanceOf(LmsNotFoundError);
    expect((error as LmsNotFoundError).code).toBe('oss_lms_not_found');
    expect((error as Error).message).toBe(
      'OSS setup failed: LM Studio not found: there is no `lms` command on PATH or at ' +
        `${path.join(home, '.lmstudio', 'bin', 'lms')}. Install LM Studio from ` +
        'https://lmstudio.ai/ and try again.',
    );
    expect(server.loadRequests()).toEqual([]);
  });

  posixIt('fails when `lms get` exits with an error', async () => {
    const server = await lmstudio({ models: [] });
    const bin = tempDir();
    fakeLms(bin, 3);
    const error = await rejection(prepare(server, { lms: { env: { PATH: bin }, homeDir: bin } }));
    expect(error).toBeInstanceOf(OssDownloadError);
    expect((error as OssDownloadError).exitCode).toBe(3);
    expect((error as Error).message).toBe(
      'OSS setup failed: Model download failed with exit code: 3',
    );
  });

  it('serves scripted model requests next to the load requests', async () => {
    const server = await lmstudio({
      models: [MODEL],
      modelResponses: [sseResponse(responseCreated(), completed('resp_1'))],
    });
    await prepare(server);
    const response = await fetch(`${server.baseUrl}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: 'hi', stream: true }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toContain('event: response.completed');
    expect(server.modelRequests()).toHaveLength(2);
    expect(server.loadRequests()).toHaveLength(1);
    expect(server.errors).toEqual([]);
  });
});
