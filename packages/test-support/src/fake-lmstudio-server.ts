import { sendJson, startLocalModelServer } from './fake-ollama-server.js';
import type {
  FakeLocalModelServer,
  LocalModelRoutesOptions,
  LocalRouteHandler,
} from './fake-ollama-server.js';
import type { RecordedRequest } from './recorded-request.js';

export interface FakeLmStudioServerOptions extends LocalModelRoutesOptions {
  /** Model ids LM Studio offers (`/v1/models`), e.g. `openai/gpt-oss-20b`. */
  models?: string[];
}

export interface FakeLmStudioServer extends FakeLocalModelServer {
  /** Makes a model appear in `/v1/models` (as after `lms get`). */
  addModel(id: string): void;
  /** The model-load requests (one-token `/v1/responses` calls) received, which are answered
   * by the server itself and never consume a scripted model response. */
  loadRequests(): RecordedRequest[];
}

/** The request Codex sends to make LM Studio load a model: empty input, one output token. */
export function isLmStudioLoadRequest(request: RecordedRequest): boolean {
  if (request.method !== 'POST' || !request.path.replace(/\/+$/, '').endsWith('/v1/responses')) {
    return false;
  }
  const body = request.body as { input?: unknown; max_output_tokens?: unknown } | null;
  return (
    typeof body === 'object' && body !== null && body.input === '' && body.max_output_tokens === 1
  );
}

function loadedResponse(model: unknown): Record<string, unknown> {
  return {
    id: 'resp_lmstudio_load',
    object: 'response',
    created_at: 1_754_388_000,
    status: 'completed',
    model: typeof model === 'string' ? model : '',
    output: [],
    error: null,
    incomplete_details: null,
    usage: { input_tokens: 0, output_tokens: 1, total_tokens: 1 },
  };
}

/** Starts a fake LM Studio server: `/v1/models`, model loading and scripted model routes. */
export async function startFakeLmStudioServer(
  opts: FakeLmStudioServerOptions = {},
): Promise<FakeLmStudioServer> {
  const models = [...(opts.models ?? [])];

  const route: LocalRouteHandler = (request, res) => {
    const path = request.path.replace(/(.)\/+$/, '$1');
    if (request.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, {
        data: models.map((id) => ({ id, object: 'model', owned_by: 'organization_owner' })),
        object: 'list',
      });
      return true;
    }
    if (isLmStudioLoadRequest(request)) {
      const model = (request.body as { model?: unknown }).model;
      if (typeof model === 'string' && !models.includes(model)) {
        sendJson(res, 404, {
          error: {
            message: `Model "${model}" not found. Please download it first.`,
            type: 'invalid_request_error',
            code: 'model_not_found',
          },
        });
        return true;
      }
      sendJson(res, 200, loadedResponse(model));
      return true;
    }
    return false;
  };

  const base = await startLocalModelServer('fake-lmstudio-server', route, opts);
  return {
    ...base,
    addModel(id) {
      if (!models.includes(id)) models.push(id);
    },
    loadRequests: () => base.requests.filter(isLmStudioLoadRequest),
  };
}
