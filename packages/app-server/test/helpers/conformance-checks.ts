import { appServerSchemaValidator } from '@codex-ts/test-support';
import type { WireMessage } from './rpc-peer.js';
import { generatedValidator, type DefinitionValidator } from './schema-validators.js';

/**
 * Checks of single messages for the conformance session, one side at a time. Requests, their
 * results and notifications go against the shared reference schema (by method). The reference
 * bundle has no server requests (`item/.../requestApproval`), no client notifications and no
 * envelopes, so those are checked by hand from the protocol, and the server requests' params
 * and our answers against the `ServerRequest` files of `generate-json-schema` (the only
 * machine-readable schema of them we have).
 */

/** Server request method -> its params and response definitions (root schema files). */
const SERVER_REQUESTS: Record<string, { params: string; response: string }> = {
  'item/commandExecution/requestApproval': {
    params: 'CommandExecutionRequestApprovalParams',
    response: 'CommandExecutionRequestApprovalResponse',
  },
  'item/fileChange/requestApproval': {
    params: 'FileChangeRequestApprovalParams',
    response: 'FileChangeRequestApprovalResponse',
  },
};

/** The client notifications of the protocol (`ClientNotification`): only `initialized`. */
const CLIENT_NOTIFICATIONS = new Set(['initialized']);

let generated: DefinitionValidator | undefined;
const serverRequestSchema = (): DefinitionValidator => (generated ??= generatedValidator());

const isRequestId = (id: unknown): boolean =>
  typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id));

/** Keys of `message` outside `allowed` (e.g. a `jsonrpc` field, which the wire omits). */
function extraKeys(message: WireMessage, allowed: string[]): string[] {
  const extra = Object.keys(message).filter((k) => !allowed.includes(k));
  return extra.length > 0 ? [`unexpected envelope keys ${JSON.stringify(extra)}`] : [];
}

function violation(v: { what: string; errors: string[] } | null): string[] {
  return v ? [`${v.what}: ${v.errors.join(', ')}`] : [];
}

/**
 * A message the server sent. `method` is the method of the client request it answers, if any.
 */
export function checkServerMessage(message: WireMessage, method: string | undefined): string[] {
  const reference = appServerSchemaValidator();
  const hasId = 'id' in message;
  if (typeof message['method'] === 'string') {
    const name = message['method'];
    if (!hasId) {
      // The Rust server stamps each notification with `emittedAtMs` (reference/wire-examples.md).
      const stamp = message['emittedAtMs'];
      return [
        ...extraKeys(message, ['method', 'params', 'emittedAtMs']),
        ...(stamp === undefined || (Number.isSafeInteger(stamp) && (stamp as number) >= 0)
          ? []
          : ['emittedAtMs is not a non-negative integer']),
        ...violation(reference.validateNotification({ method: name, params: message['params'] })),
      ];
    }
    const schema = SERVER_REQUESTS[name];
    if (!schema) return [`server request ${name} is not a server request of the protocol`];
    const errors = serverRequestSchema().errors(schema.params, message['params']);
    return [
      ...extraKeys(message, ['id', 'method', 'params']),
      ...(isRequestId(message['id']) ? [] : ['server request id is not a RequestId']),
      ...(errors ? [`${name} params (${schema.params}): ${errors.join(', ')}`] : []),
    ];
  }
  if ('result' in message) {
    if (!isRequestId(message['id'])) return ['response id is not a RequestId'];
    if (method === undefined) return ['response to an id this client never used'];
    return [
      ...extraKeys(message, ['id', 'result']),
      ...violation(reference.validateResult(method, message['result'])),
    ];
  }
  if ('error' in message) {
    const error = message['error'] as Record<string, unknown> | null;
    const problems = extraKeys(message, ['id', 'error']);
    // `id: null` only where the server could not read the request's id (JSON-RPC 2.0 §5).
    if (!isRequestId(message['id']) && message['id'] !== null) {
      problems.push('error id is neither a RequestId nor null');
    }
    if (typeof error !== 'object' || error === null) return [...problems, 'error is not an object'];
    if (!Number.isSafeInteger(error['code'])) problems.push('error.code is not an integer');
    if (typeof error['message'] !== 'string') problems.push('error.message is not a string');
    const extra = Object.keys(error).filter((k) => !['code', 'message', 'data'].includes(k));
    if (extra.length > 0) problems.push(`unexpected error keys ${JSON.stringify(extra)}`);
    return problems;
  }
  return ['neither a request, a notification nor a response'];
}

/**
 * A message the client sent. `answering` is the method of the server request it answers.
 */
export function checkClientMessage(message: WireMessage, answering?: string): string[] {
  if (answering !== undefined) {
    const schema = SERVER_REQUESTS[answering];
    if (!schema) return [`answer to unknown server request ${answering}`];
    const errors = serverRequestSchema().errors(schema.response, message['result']);
    return [
      ...extraKeys(message, ['id', 'result']),
      ...(errors ? [`${answering} response (${schema.response}): ${errors.join(', ')}`] : []),
    ];
  }
  const method = String(message['method']);
  if (!('id' in message)) {
    if (!CLIENT_NOTIFICATIONS.has(method)) return [`${method} is not a client notification`];
    return extraKeys(message, ['method']);
  }
  return [
    ...extraKeys(message, ['id', 'method', 'params']),
    ...(isRequestId(message['id']) ? [] : ['request id is not a RequestId']),
    ...violation(appServerSchemaValidator().validateRequestParams(method, message['params'])),
  ];
}
