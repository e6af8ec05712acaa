import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  configVersion,
  parseConfigToml,
  readConfigToml,
  rewriteConfigText,
  validateConfigTable,
} from '@codex-ts/config';
import type { ConfigEdit, ConfigWriteErrorCode, ConfigWriteResponse } from '@codex-ts/protocol';
import { writeFileAtomic } from '@codex-ts/utils';
import { InternalRpcError, InvalidRequestError } from '../../errors/rpc-errors.js';
import {
  applyEdit,
  checkTomlValue,
  ConfigEditRejected,
  parseKeyPath,
  refuseLegacyProfileWrite,
} from './config-key-path.js';

/** A refused config write: an invalid request whose data names the kind, as in Rust. */
function configWriteError(code: ConfigWriteErrorCode, message: string): InvalidRequestError {
  return new InvalidRequestError(message, { config_write_error_code: code });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ConfigWriteRequest {
  codexHome: string;
  filePath: string | null | undefined;
  expectedVersion: string | null | undefined;
  edits: readonly ConfigEdit[];
}

/**
 * Applies `edits` (in order) to `<codexHome>/config.toml`, the only writable layer, keeping the
 * file's comments and formatting (see `rewriteConfigText`), and answers the user layer's new
 * version. Refused, with `data.config_write_error_code`: another file (`configLayerReadonly`);
 * a version other than `expectedVersion` (`configVersionConflict`); a bad key path, a value TOML
 * cannot hold, or a result config.toml would reject, naming the key (`configValidationError`).
 * Nothing is written unless every edit is valid.
 */
export async function applyConfigWrite(request: ConfigWriteRequest): Promise<ConfigWriteResponse> {
  const userPath = join(request.codexHome, 'config.toml');
  const target = request.filePath == null ? userPath : resolve(request.filePath);
  if (target !== resolve(userPath)) {
    throw configWriteError('configLayerReadonly', 'Only writes to the user config are allowed');
  }
  let current: Awaited<ReturnType<typeof readConfigToml>>;
  try {
    current = await readConfigToml(userPath);
  } catch (error) {
    throw new InternalRpcError(`failed to load configuration: ${messageOf(error)}`);
  }
  if (request.expectedVersion != null && request.expectedVersion !== configVersion(current.table)) {
    throw configWriteError(
      'configVersionConflict',
      'Configuration was modified since last read. Fetch latest version and retry.',
    );
  }
  const updated = structuredClone(current.table);
  const paths: string[][] = [];
  try {
    for (const edit of request.edits) {
      const segments = parseKeyPath(edit.keyPath);
      refuseLegacyProfileWrite(segments, edit.value);
      if (edit.value !== null) checkTomlValue(edit.value, edit.keyPath);
      applyEdit(updated, segments, edit.value, edit.mergeStrategy);
      paths.push(segments);
    }
  } catch (error) {
    if (error instanceof ConfigEditRejected) {
      throw configWriteError('configValidationError', error.message);
    }
    throw error;
  }
  const text = rewriteConfigText(current.text, current.table, updated, paths);
  let written: Record<string, unknown>;
  try {
    written = parseConfigToml(userPath, text);
    validateConfigTable(written, userPath, text);
  } catch (error) {
    throw configWriteError('configValidationError', `Invalid configuration: ${messageOf(error)}`);
  }
  if (text !== current.text || !current.exists) {
    try {
      await mkdir(dirname(userPath), { recursive: true });
      await writeFileAtomic(userPath, text);
    } catch (error) {
      throw new InternalRpcError(`failed to persist config.toml: ${messageOf(error)}`);
    }
  }
  return {
    status: 'ok',
    version: configVersion(written),
    filePath: userPath,
    overriddenMetadata: null,
  };
}
