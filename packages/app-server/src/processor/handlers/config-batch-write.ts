import { ConfigBatchWriteParamsSchema, type ConfigBatchWriteParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { applyConfigWrite } from './config-write-apply.js';

/**
 * `config/batchWrite {edits, filePath?, expectedVersion?, reloadUserConfig?}`: applies the edits
 * in order as one write (all or nothing). `reloadUserConfig` is accepted; running threads keep
 * their settings (the next thread reads the new file).
 */
export const configBatchWriteHandler = defineHandler({
  method: 'config/batchWrite',
  requiresInitialize: true,
  parse: (params) => parseParams('config/batchWrite', ConfigBatchWriteParamsSchema, params),
  async handle(ctx, params: ConfigBatchWriteParams) {
    ctx.respond(
      await applyConfigWrite({
        codexHome: ctx.services.codexHome,
        filePath: params.filePath,
        expectedVersion: params.expectedVersion,
        edits: params.edits,
      }),
    );
  },
});
