import {
  DRAFT_07,
  closure,
  referencedNames,
  type JsonSchema,
  type JsonValue,
} from './json-schema-definitions.js';
import type { ProtocolSchema } from './protocol-schema.js';

/** One file of a generated layout: a path relative to the output directory, and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The bundle of every definition, with the v2 ones under `definitions.v2` (Rust's layout). */
export const BUNDLE_FILE = 'codex_app_server_protocol.schemas.json';
/** Every v2 definition flat, plus the client-request and notification unions. */
export const V2_BUNDLE_FILE = 'codex_app_server_protocol.v2.schemas.json';

/** The unions the flat v2 bundle carries besides the v2 definitions (as in Rust). */
const FLAT_V2_SHARED = ['ClientRequest', 'ServerNotification'];

/**
 * The `generate-json-schema` layout, as the Rust CLI writes it: one file per top-level type
 * (`Name.json` at the root for envelopes and server requests, `v1/Name.json` for the handshake,
 * `v2/Name.json` for the v2 messages) with the definitions it uses, plus the two bundles.
 * Pretty-printed with two spaces and sorted keys, so the same protocol gives the same bytes.
 */
export function jsonSchemaFiles(schema: ProtocolSchema): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: BUNDLE_FILE, content: render(namespacedBundle(schema)) },
    { path: V2_BUNDLE_FILE, content: render(flatV2Bundle(schema)) },
  ];
  for (const name of schema.topLevel) {
    files.push({ path: filePath(schema, name, 'json'), content: render(standalone(schema, name)) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `Name.ext`, `v1/Name.ext` or `v2/Name.ext` by the namespace of `name`. */
export function filePath(schema: ProtocolSchema, name: string, ext: string): string {
  const namespace = schema.namespaces.get(name) ?? 'root';
  return namespace === 'root' ? `${name}.${ext}` : `${namespace}/${name}.${ext}`;
}

function definition(schema: ProtocolSchema, name: string): JsonSchema {
  const found = schema.definitions.get(name);
  if (!found) throw new Error(`the protocol schema has no definition ${name}`);
  return found;
}

/** A top-level type as a schema of its own, with every definition it reaches. */
function standalone(schema: ProtocolSchema, name: string): JsonSchema {
  const own = definition(schema, name);
  const used = [...closure(referencedNames(own), schema.definitions)].filter((n) => n !== name);
  if (used.length === 0) return own;
  const definitions: Record<string, JsonValue> = {};
  for (const dep of used.sort()) definitions[dep] = withoutSchemaKeyword(definition(schema, dep));
  return { ...own, definitions };
}

function withoutSchemaKeyword(node: JsonSchema): JsonSchema {
  const { $schema: _schema, ...rest } = node;
  return rest;
}

/** Every definition; the v2 ones nested under `v2`, their references rewritten to match. */
function namespacedBundle(schema: ProtocolSchema): JsonSchema {
  const isV2 = (name: string): boolean => schema.namespaces.get(name) === 'v2';
  const root: Record<string, JsonValue> = {};
  const v2: Record<string, JsonValue> = {};
  for (const [name, node] of schema.definitions) {
    (isV2(name) ? v2 : root)[name] = rewriteRefs(node, (ref) =>
      isV2(ref) ? `#/definitions/v2/${ref}` : `#/definitions/${ref}`,
    );
  }
  root['v2'] = v2;
  return { $schema: DRAFT_07, definitions: root, title: 'CodexAppServerProtocol', type: 'object' };
}

/** The v2 definitions flat, the shared unions, and the non-v2 definitions they reach. */
function flatV2Bundle(schema: ProtocolSchema): JsonSchema {
  const names = new Set<string>();
  for (const [name] of schema.definitions) {
    if (schema.namespaces.get(name) === 'v2') names.add(name);
  }
  for (const name of closure(FLAT_V2_SHARED, schema.definitions)) names.add(name);
  const definitions: Record<string, JsonValue> = {};
  for (const name of names) definitions[name] = definition(schema, name);
  return {
    $schema: DRAFT_07,
    definitions,
    title: 'CodexAppServerProtocolV2',
    type: 'object',
  };
}

function rewriteRefs(node: JsonValue, target: (name: string) => string): JsonValue {
  if (Array.isArray(node)) return node.map((child) => rewriteRefs(child, target));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, JsonValue> = {};
  for (const [key, child] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof child === 'string' && child.startsWith('#/definitions/')
        ? target(child.slice('#/definitions/'.length))
        : rewriteRefs(child, target);
  }
  return out;
}

/** Two-space JSON with every object's keys sorted (arrays keep their order). */
export function render(node: JsonValue): string {
  return JSON.stringify(sortDeep(node), null, 2);
}

function sortDeep(node: JsonValue): JsonValue {
  if (Array.isArray(node)) return node.map(sortDeep);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(node).sort()) out[key] = sortDeep(node[key] ?? null);
  return out;
}
