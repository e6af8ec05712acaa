import { modelPresets } from '@codex-ts/models-manager';
import { InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { modelListEntry } from './model-list-entry.js';
import {
  ModelListParamsSchema,
  type ModelListEntry,
  type ModelListParams,
} from './model-list-schema.js';

/**
 * `model/list`: the model catalog sorted by priority, picker-hidden models only with
 * `includeHidden`, paged by `limit` / `cursor` (the cursor is the index of the next model, as in
 * the Rust app server). With a ChatGPT sign-in the catalog is refreshed from `/models` unless
 * `models_cache.json` is fresh (Rust's OnlineIfUncached); otherwise it is the cache or the
 * bundled catalog.
 */
export const modelListHandler = defineHandler({
  method: 'model/list',
  requiresInitialize: true,
  parse: (params) => parseParams('model/list', ModelListParamsSchema, params),
  async handle(ctx, params: ModelListParams) {
    const { codexHome, env } = ctx.services;
    const config = await ctx.services.loadConfig({ codexHome, env });
    const catalog = await ctx.services.threadManager.listModels(config, 'onlineIfUncached');
    const models = modelPresets(catalog.models)
      .filter((preset) => params.includeHidden === true || preset.showInPicker)
      .map(modelListEntry);
    ctx.respond(paginate(models, params));
  },
});

function paginate(
  models: ModelListEntry[],
  params: ModelListParams,
): { data: ModelListEntry[]; nextCursor: string | null } {
  const total = models.length;
  if (total === 0) return { data: [], nextCursor: null };
  const limit = Math.min(Math.max(params.limit ?? total, 1), total);
  const start = params.cursor == null ? 0 : parseCursor(params.cursor);
  if (start > total) {
    throw new InvalidRequestError(`cursor ${String(start)} exceeds total models ${String(total)}`);
  }
  const end = Math.min(start + limit, total);
  return { data: models.slice(start, end), nextCursor: end < total ? String(end) : null };
}

function parseCursor(cursor: string): number {
  if (!/^\d+$/.test(cursor)) throw new InvalidRequestError(`invalid cursor: ${cursor}`);
  return Number(cursor);
}
