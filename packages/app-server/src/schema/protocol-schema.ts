import {
  DRAFT_07,
  buildDefinitions,
  sortKeys,
  type JsonSchema,
  type JsonValue,
} from './json-schema-definitions.js';
import {
  protocolCatalog,
  type ClientRequestEntry,
  type NotificationEntry,
  type ProtocolCatalog,
  type WireNamespace,
  type WireType,
} from './protocol-catalog.js';
import { JSON_RPC_ENVELOPES } from './protocol-helper-types.js';

/** The whole protocol as JSON Schema definitions, flat (`#/definitions/Name` references). */
export interface ProtocolSchema {
  /** Every definition by name: messages, their named parts, and the envelopes. */
  readonly definitions: ReadonlyMap<string, JsonSchema>;
  readonly namespaces: ReadonlyMap<string, WireNamespace>;
  /**
   * The definitions that are schemas of their own (Rust writes one file for each): the
   * envelopes, and the params, results and notifications of every method. Sorted.
   */
  readonly topLevel: readonly string[];
}

/** The four unions Rust exports at the root, with the variant of each method. */
const UNIONS = {
  ClientRequest: 'Request from the client to the server.',
  ClientNotification: 'Notification from the client to the server.',
  ServerRequest: 'Request from the server to the client.',
  ServerNotification: 'Notification from the server to the client.',
} as const;

/** Generates the definitions of `catalog` (this server's protocol by default). */
export function protocolSchema(catalog: ProtocolCatalog = protocolCatalog()): ProtocolSchema {
  const envelopes: WireType[] = JSON_RPC_ENVELOPES.map(([name, schema]) => ({
    name,
    schema,
    namespace: 'root',
  }));
  const byName = new Map<string, WireType>();
  for (const type of [
    ...[...catalog.clientRequests, ...catalog.serverRequests].flatMap((e) => [
      e.params,
      e.response,
    ]),
    ...[...catalog.clientNotifications, ...catalog.serverNotifications].map((e) => e.params),
  ]) {
    // Methods may share a definition (config/value/write and config/batchWrite answers).
    if (type && !byName.has(type.name)) byName.set(type.name, type);
  }
  const messages = [...byName.values()];
  const types = [...messages, ...envelopes, ...catalog.helpers];
  const generated = buildDefinitions(types);
  const definitions = new Map<string, JsonSchema>();
  const namespaces = new Map<string, WireNamespace>();
  const topLevel = new Set<string>(['RequestId', 'JSONRPCErrorError']);
  for (const type of types) namespaces.set(type.name, type.namespace);
  for (const type of [...messages, ...envelopes]) topLevel.add(type.name);
  for (const [name, definition] of generated) {
    definitions.set(name, topLevel.has(name) ? asTopLevel(name, definition) : definition);
  }
  const unions: Record<keyof typeof UNIONS, JsonSchema[]> = {
    ClientRequest: catalog.clientRequests.map((e) => requestVariant(e, 'Request')),
    ClientNotification: catalog.clientNotifications.map(notificationVariant),
    ServerRequest: catalog.serverRequests.map((e) => requestVariant(e, 'Request')),
    ServerNotification: catalog.serverNotifications.map(notificationVariant),
  };
  for (const [name, variants] of Object.entries(unions)) {
    const description = UNIONS[name as keyof typeof UNIONS];
    definitions.set(name, asTopLevel(name, { description, oneOf: variants }));
    namespaces.set(name, 'root');
    topLevel.add(name);
  }
  return { definitions, namespaces, topLevel: [...topLevel].sort() };
}

/** A definition that is a schema of its own: it carries `$schema` and `title`, as in Rust. */
function asTopLevel(name: string, definition: JsonSchema): JsonSchema {
  return sortKeys({ ...definition, $schema: DRAFT_07, title: name }) as JsonSchema;
}

/**
 * Rust's `to_pascal_case`: the first letter and each letter after a `_` or `-` upper-cased, the
 * `_` and `-` dropped (`thread/start` -> `Thread/start`).
 */
export function pascalCase(input: string): string {
  let out = '';
  let upper = true;
  for (const ch of input) {
    if (ch === '_' || ch === '-') {
      upper = true;
      continue;
    }
    out += upper ? ch.toUpperCase() : ch;
    upper = false;
  }
  return out;
}

function methodProperty(method: string, title: string): JsonValue {
  return { enum: [method], title, type: 'string' };
}

function requestVariant(entry: ClientRequestEntry, suffix: 'Request'): JsonSchema {
  const title = `${pascalCase(entry.method)}${suffix}`;
  const params: JsonValue =
    entry.params === null ? { type: 'null' } : { $ref: `#/definitions/${entry.params.name}` };
  return {
    properties: {
      id: { $ref: '#/definitions/RequestId' },
      method: methodProperty(entry.method, `${title}Method`),
      params,
    },
    required: entry.params === null ? ['id', 'method'] : ['id', 'method', 'params'],
    title,
    type: 'object',
  };
}

function notificationVariant(entry: NotificationEntry): JsonSchema {
  const title = `${pascalCase(entry.method)}Notification`;
  const method = methodProperty(entry.method, `${title}Method`);
  if (entry.params === null) {
    return { properties: { method }, required: ['method'], title, type: 'object' };
  }
  return {
    properties: { method, params: { $ref: `#/definitions/${entry.params.name}` } },
    required: ['method', 'params'],
    title,
    type: 'object',
  };
}
