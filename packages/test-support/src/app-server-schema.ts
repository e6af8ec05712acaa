import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validates what our app server emits against the official JSON Schema of the Rust app server
 * (`../shared/reference/app-server-schema`). Reused by every app-server / client test.
 */

const here = dirname(fileURLToPath(import.meta.url));
/** packages/test-support/src (or dist) -> repository root. */
const repoRoot = join(here, '..', '..', '..');
export const SCHEMA_DIR = join(repoRoot, '..', 'shared', 'reference', 'app-server-schema');

/** Request method -> the definition its result must match (`initialize` is in v1/). */
export const RESPONSE_DEFINITIONS: Record<string, string> = {
  'thread/start': 'ThreadStartResponse',
  'thread/resume': 'ThreadResumeResponse',
  'thread/fork': 'ThreadForkResponse',
  'thread/read': 'ThreadReadResponse',
  'thread/list': 'ThreadListResponse',
  'thread/archive': 'ThreadArchiveResponse',
  'thread/unarchive': 'ThreadUnarchiveResponse',
  'thread/delete': 'ThreadDeleteResponse',
  'thread/name/set': 'ThreadSetNameResponse',
  'turn/start': 'TurnStartResponse',
  'turn/interrupt': 'TurnInterruptResponse',
  'turn/steer': 'TurnSteerResponse',
  'review/start': 'ReviewStartResponse',
  'model/list': 'ModelListResponse',
  'config/read': 'ConfigReadResponse',
  'config/value/write': 'ConfigWriteResponse',
  'command/exec': 'CommandExecResponse',
  'command/exec/write': 'CommandExecWriteResponse',
  'command/exec/resize': 'CommandExecResizeResponse',
  'command/exec/terminate': 'CommandExecTerminateResponse',
  'account/read': 'GetAccountResponse',
  'account/logout': 'LogoutAccountResponse',
  'account/login/start': 'LoginAccountResponse',
  'mcpServerStatus/list': 'ListMcpServerStatusResponse',
  'config/batchWrite': 'ConfigWriteResponse',
  'account/login/cancel': 'CancelLoginAccountResponse',
  'thread/revert': 'ThreadRevertResponse',
};

/**
 * Results the schema defines only through their parts (the Rust `FuzzyFileSearchResponse` is
 * not exported as a definition): method -> an inline schema over the v2 definitions.
 */
const INLINE_RESPONSE_SCHEMAS: Record<string, object> = {
  fuzzyFileSearch: {
    type: 'object',
    required: ['files'],
    properties: {
      files: { type: 'array', items: { $ref: 'v2#/definitions/FuzzyFileSearchResult' } },
    },
  },
};

export interface SchemaViolation {
  what: string;
  errors: string[];
}

export interface AppServerSchemaValidator {
  /** Validates a request's result; throws for a method without a known response schema. */
  validateResult(method: string, result: unknown): SchemaViolation | null;
  /** Validates a client request's params by its method (`ClientRequest` of the schema). */
  validateRequestParams(method: string, params: unknown): SchemaViolation | null;
  /** Validates a notification's params by its method (`ServerNotification` of the schema). */
  validateNotification(message: { method: string; params?: unknown }): SchemaViolation | null;
  /** Throws with a readable report when a result or notification does not match. */
  assertResult(method: string, result: unknown): void;
  assertNotification(message: { method: string; params?: unknown }): void;
  /** Every notification method the schema knows. */
  readonly notificationMethods: ReadonlySet<string>;
}

let cached: AppServerSchemaValidator | undefined;

export function appServerSchemaValidator(): AppServerSchemaValidator {
  cached ??= build();
  return cached;
}

interface NotificationVariant {
  properties?: { method?: { enum?: string[] }; params?: { $ref?: string } };
}

function build(): AppServerSchemaValidator {
  const v2 = readJson(join(SCHEMA_DIR, 'codex_app_server_protocol.v2.schemas.json')) as {
    definitions: Record<string, { oneOf?: NotificationVariant[] }>;
  };
  const initializeResponse = readJson(join(SCHEMA_DIR, 'v1', 'InitializeResponse.json'));

  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addIntegerFormats(ajv);
  ajv.addSchema(v2, 'v2');
  const initialize = ajv.compile(initializeResponse as object);
  const initializeParams = ajv.compile(
    readJson(join(SCHEMA_DIR, 'v1', 'InitializeParams.json')) as object,
  );

  const notificationRefs = paramsRefs(v2.definitions['ServerNotification']?.oneOf);
  const requestRefs = paramsRefs(v2.definitions['ClientRequest']?.oneOf);

  const compiled = new Map<string, ValidateFunction>();
  const definition = (name: string): ValidateFunction => {
    let fn = compiled.get(name);
    if (!fn) {
      fn = ajv.getSchema(`v2#/definitions/${name}`);
      if (!fn) {
        throw new Error(`app-server schema has no definition ${name}`);
      }
      compiled.set(name, fn);
    }
    return fn;
  };

  const run = (what: string, fn: ValidateFunction, value: unknown): SchemaViolation | null => {
    if (fn(value)) {
      return null;
    }
    const errors = (fn.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
    return { what, errors };
  };

  const validator: AppServerSchemaValidator = {
    notificationMethods: new Set(notificationRefs.keys()),
    validateResult(method, result) {
      if (method === 'initialize') {
        return run('initialize result', initialize, result);
      }
      const inline = INLINE_RESPONSE_SCHEMAS[method];
      if (inline) {
        let fn = compiled.get(method);
        if (!fn) {
          fn = ajv.compile(inline);
          compiled.set(method, fn);
        }
        return run(`${method} result`, fn, result);
      }
      const name = RESPONSE_DEFINITIONS[method];
      if (!name) {
        throw new Error(`no response schema known for ${method}`);
      }
      return run(`${method} result (${name})`, definition(name), result);
    },
    validateRequestParams(method, params) {
      if (method === 'initialize') {
        return run('initialize params', initializeParams, params);
      }
      const name = requestRefs.get(method);
      if (!name) {
        return { what: `request ${method}`, errors: ['method not in the schema'] };
      }
      return run(`${method} params (${name})`, definition(name), params);
    },
    validateNotification(message) {
      const name = notificationRefs.get(message.method);
      if (!name) {
        return { what: `notification ${message.method}`, errors: ['method not in the schema'] };
      }
      return run(`${message.method} params (${name})`, definition(name), message.params);
    },
    assertResult(method, result) {
      throwIf(validator.validateResult(method, result), result);
    },
    assertNotification(message) {
      throwIf(validator.validateNotification(message), message);
    },
  };
  return validator;
}

/** `oneOf` variants `{method: {enum: [m]}, params: {$ref}}` -> method -> definition name. */
function paramsRefs(variants: NotificationVariant[] | undefined): Map<string, string> {
  const refs = new Map<string, string>();
  for (const variant of variants ?? []) {
    const method = variant.properties?.method?.enum?.[0];
    const ref = variant.properties?.params?.$ref;
    if (method && ref) {
      refs.set(method, ref.replace('#/definitions/', ''));
    }
  }
  return refs;
}

function throwIf(violation: SchemaViolation | null, value: unknown): void {
  if (violation) {
    throw new Error(
      `${violation.what} does not match the app-server schema:\n  ${violation.errors.join('\n  ')}\n` +
        `value: ${JSON.stringify(value, null, 2)}`,
    );
  }
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The Rust schema annotates integers with `format: int64`, `uint16`, ...: check their range. */
export function addIntegerFormats(ajv: Ajv): void {
  const ranges: Record<string, [number, number]> = {
    int8: [-(2 ** 7), 2 ** 7 - 1],
    int16: [-(2 ** 15), 2 ** 15 - 1],
    int32: [-(2 ** 31), 2 ** 31 - 1],
    int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    uint8: [0, 2 ** 8 - 1],
    uint16: [0, 2 ** 16 - 1],
    uint32: [0, 2 ** 32 - 1],
    uint64: [0, Number.MAX_SAFE_INTEGER],
    uint: [0, Number.MAX_SAFE_INTEGER],
  };
  for (const [name, [min, max]] of Object.entries(ranges)) {
    ajv.addFormat(name, {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
    });
  }
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
}
