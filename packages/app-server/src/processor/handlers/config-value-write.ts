import { ConfigValueWriteParamsSchema, type ConfigValueWriteParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { applyConfigWrite } from './config-write-apply.js';

/**
 * `config/value/write {keyPath, value, mergeStrategy, filePath?, expectedVersion?}`: sets (or,
 * with `null`, removes) one value of the user's config.toml in place; answers
 * `{status, version, filePath, overriddenMetadata}`. See `applyConfigWrite`.
 */
export const configValueWriteHandler = defineHandler({
  method: 'config/value/write',
  requiresInitialize: true,
  parse: (params) => parseParams('config/value/write', ConfigValueWriteParamsSchema, params),
  async handle(ctx, params: ConfigValueWriteParams) {
    ctx.respond(
      await applyConfigWrite({
        codexHome: ctx.services.codexHome,
        filePath: params.filePath,
        expectedVersion: params.expectedVersion,
        edits: [params],
      }),
    );
  },
});
