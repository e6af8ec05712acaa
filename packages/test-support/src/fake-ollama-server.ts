import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalHttpServer } from './local-http-server.js';
import { readRecordedRequest } from './recorded-request.js';
import type { RecordedRequest } from './recorded-request.js';
import type { ScriptedResponse } from './scripted-response.js';
import { writeScriptedResponse } from './scripted-response-writer.js';
import type { TimerRegistry } from './scripted-response-writer.js';

/**
 * Fake local model servers (Ollama here, LM Studio in fake-lmstudio-server.ts) for `--oss`
 * tests. Both also serve `POST /v1/responses` and `/v1/chat/completions` from scripted answers
 * (`sseResponse(...)`, `chatSse(...)`), so one server can play the whole local provider.
 */
export interface LocalModelRoutesOptions {
  /** Scripted answers to model requests, used in FIFO order. */
  modelResponses?: ScriptedResponse[];
  /** Answer used when the queue is empty. */
  defaultModelResponse?: ScriptedResponse;
  /** Full control: the answer for one model request (return undefined to use the queue). */
  onModelRequest?: (
    request: RecordedRequest,
  ) => ScriptedResponse | undefined | Promise<ScriptedResponse | undefined>;
}

/** What both fake local servers offer. */
export interface FakeLocalModelServer {
  /** The server root, `http://127.0.0.1:PORT` (Ollama's native `/api/...` lives here). */
  readonly url: string;
  /** The OpenAI-compatible base URL, `http://127.0.0.1:PORT/v1`: a provider's `base_url`. */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Problems seen by the server (unknown routes, the model script running out). */
  readonly errors: readonly string[];
  /** Requests whose path is `path` (any method). */
  requestsTo(path: string): RecordedRequest[];
  /** Model requests: POSTs to `/v1/responses` and `/v1/chat/completions`. */
  modelRequests(): RecordedRequest[];
  enqueue(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

/** Answers one non-model request; returns false when the route is unknown. */
export type LocalRouteHandler = (
  request: RecordedRequest,
  res: ServerResponse,
  timers: TimerRegistry,
) => boolean | Promise<boolean>;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function isModelRequest(request: RecordedRequest): boolean {
  const path = request.path.replace(/\/+$/, '');
  return (
    request.method === 'POST' &&
    (path.endsWith('/v1/responses') || path.endsWith('/v1/chat/completions'))
  );
}

/** Starts a fake local server on 127.0.0.1; `route` answers everything but model requests. */
export async function startLocalModelServer(
  name: string,
  route: LocalRouteHandler,
  opts: LocalModelRoutesOptions,
): Promise<FakeLocalModelServer> {
  const queue: ScriptedResponse[] = [...(opts.modelResponses ?? [])];
  const requests: RecordedRequest[] = [];
  const errors: string[] = [];

  const answerModel = async (
    request: RecordedRequest,
    res: ServerResponse,
    timers: TimerRegistry,
  ): Promise<void> => {
    const script =
      (await opts.onModelRequest?.(request)) ?? queue.shift() ?? opts.defaultModelResponse;
    if (!script) {
      const message = `${name}: no scripted model response left for ${request.method} ${request.path}`;
      errors.push(message);
      sendJson(res, 500, { error: { message, type: 'fake_server_script_exhausted' } });
      return;
    }
    await writeScriptedResponse(res, script, timers);
  };

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    timers: TimerRegistry,
  ): Promise<void> => {
    const request = await readRecordedRequest(req);
    requests.push(request);
    if (await route(request, res, timers)) return;
    if (isModelRequest(request)) return answerModel(request, res, timers);
    errors.push(`${name}: no route for ${request.method} ${request.path}`);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('404 page not found');
  };

  const http = await startLocalHttpServer({
    handle,
    onHandlerError: (err) => {
      errors.push(`${name}: handler failed: ${String(err)}`);
      return { error: String(err) };
    },
    sendJson,
  });

  return {
    url: http.origin,
    baseUrl: `${http.origin}/v1`,
    port: http.port,
    requests,
    errors,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    modelRequests: () => requests.filter(isModelRequest),
    enqueue: (...responses) => {
      queue.push(...responses);
    },
    close: () => http.close(),
  };
}

// ---- Ollama ---------------------------------------------------------------------------------

export interface FakeOllamaPullable {
  /** Size of the model's one layer, in bytes. */
  total: number;
  /** How many progress lines the download is split into. */
  chunks: number;
}

export interface FakeOllamaServerOptions extends LocalModelRoutesOptions {
  /** Installed models (names as `ollama list` shows them, e.g. `gpt-oss:20b`). */
  models?: string[];
  /** What `/api/version` reports (default `0.13.5`); null answers 404 as very old servers do. */
  version?: string | null;
  /** Models `/api/pull` can fetch; any other model fails like Ollama's unknown-model error. */
  pullable?: Record<string, FakeOllamaPullable>;
  /** When set, every pull fails with this `{"error": ...}` line after `pulling manifest`. */
  failPull?: string;
  /** Delay between NDJSON writes of a pull (default 1 ms); lines are also split across writes. */
  pullChunkDelayMs?: number;
}

export interface FakeOllamaServer extends FakeLocalModelServer {
  /** Names currently installed (pulled models are added). */
  installedModels(): string[];
  /** The bodies of every `POST /api/pull`. */
  pullRequests(): unknown[];
}

/** Ollama's "model not found in the registry" error line. */
export const OLLAMA_UNKNOWN_MODEL_ERROR = 'pull model manifest: file does not exist';

const MODIFIED_AT = '2025-08-05T10:00:00.000000000Z';
const CREATED = 1_754_388_000;

function digestOf(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

function tagEntry(name: string): Record<string, unknown> {
  return {
    name,
    model: name,
    modified_at: MODIFIED_AT,
    size: 13_780_173_724,
    digest: digestOf(name),
    details: {
      parent_model: '',
      format: 'gguf',
      family: 'gptoss',
      families: ['gptoss'],
      parameter_size: '20.9B',
      quantization_level: 'MXFP4',
    },
  };
}

function pullLines(
  model: string,
  pullable: FakeOllamaPullable | undefined,
  failPull: string | undefined,
): unknown[] {
  const lines: unknown[] = [{ status: 'pulling manifest' }];
  if (failPull !== undefined) return [...lines, { error: failPull }];
  if (!pullable) return [...lines, { error: OLLAMA_UNKNOWN_MODEL_ERROR }];
  const digest = `sha256:${digestOf(`${model}/layer`)}`;
  const status = `pulling ${digest.slice('sha256:'.length, 'sha256:'.length + 12)}`;
  const chunks = Math.max(1, pullable.chunks);
  lines.push({ status, digest, total: pullable.total });
  for (let i = 1; i <= chunks; i++) {
    const completed = Math.floor((pullable.total * i) / chunks);
    lines.push({ status, digest, total: pullable.total, completed });
  }
  lines.push({ status: 'verifying sha256 digest' }, { status: 'writing manifest' });
  lines.push({ status: 'success' });
  return lines;
}

/** Writes NDJSON lines one by one, each split in two writes to exercise incremental parsing. */
async function streamNdjson(
  res: ServerResponse,
  lines: readonly unknown[],
  delayMs: number,
  timers: TimerRegistry,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.flushHeaders();
  for (const line of lines) {
    const text = `${JSON.stringify(line)}\n`;
    const cut = Math.floor(text.length / 2);
    for (const part of [text.slice(0, cut), text.slice(cut)]) {
      if (res.destroyed) return;
      await new Promise<void>((resolve) => res.write(part, () => resolve()));
      if (delayMs > 0) await timers.sleep(delayMs);
    }
  }
  res.end();
}

/** Starts a fake Ollama: `/api/tags`, `/api/version`, `/api/pull`, `/v1/models`, model routes. */
export async function startFakeOllamaServer(
  opts: FakeOllamaServerOptions = {},
): Promise<FakeOllamaServer> {
  const installed = [...(opts.models ?? [])];
  const version = opts.version === undefined ? '0.13.5' : opts.version;

  const route: LocalRouteHandler = async (request, res, timers) => {
    const key = `${request.method} ${request.path.replace(/(.)\/+$/, '$1')}`;
    switch (key) {
      case 'GET /':
      case 'HEAD /':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Ollama is running');
        return true;
      case 'GET /api/tags':
        sendJson(res, 200, { models: installed.map(tagEntry) });
        return true;
      case 'GET /api/version':
        if (version === null) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('404 page not found');
        } else {
          sendJson(res, 200, { version });
        }
        return true;
      case 'GET /v1/models':
        sendJson(res, 200, {
          object: 'list',
          data: installed.map((id) => ({
            id,
            object: 'model',
            created: CREATED,
            owned_by: 'library',
          })),
        });
        return true;
      case 'POST /api/pull': {
        const body = request.body as { model?: unknown; name?: unknown };
        const model = String(body.model ?? body.name ?? '');
        const lines = pullLines(model, opts.pullable?.[model], opts.failPull);
        // Like Ollama, the manifest is written before `success` goes out.
        const succeeds = lines.some((l) => (l as { status?: unknown }).status === 'success');
        if (succeeds && !installed.includes(model)) installed.push(model);
        await streamNdjson(res, lines, opts.pullChunkDelayMs ?? 1, timers);
        return true;
      }
      default:
        return false;
    }
  };

  const base = await startLocalModelServer('fake-ollama-server', route, opts);
  return {
    ...base,
    installedModels: () => [...installed],
    pullRequests: () => base.requestsTo('/api/pull').map((r) => r.body),
  };
}
