import * as z from 'zod';
import type { WireType } from './protocol-catalog.js';

/** A JSON Schema node, as plain JSON data. */
export type JsonSchema = { [key: string]: JsonValue };
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const DEFINITIONS = '#/definitions/';

/** Two protocol types claim one definition name, or one schema claims two names. */
export class SchemaNameCollisionError extends Error {
  readonly code = 'schema_name_collision';
  constructor(message: string) {
    super(message);
    this.name = 'SchemaNameCollisionError';
  }
}

/**
 * The JSON Schema definition of every named type, generated from its zod schema (zod 4's
 * `toJSONSchema`, draft-07, the input side: fields with a default are optional, as serde's are).
 * A use of another named type becomes `{"$ref": "#/definitions/Name"}`. The output is normalised
 * the way the Rust export writes it: `enum` for single values, integer `format`s instead of
 * ranges, no empty `additionalProperties`, sorted keys and `required` lists.
 */
export function buildDefinitions(types: readonly WireType[]): Map<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const seen = new Set<string>();
  for (const type of types) {
    if (seen.has(type.name)) {
      throw new SchemaNameCollisionError(`two protocol types are both named ${type.name}`);
    }
    if (registry.has(type.schema)) {
      const other = registry.get(type.schema)?.id ?? '?';
      throw new SchemaNameCollisionError(`one schema is named both ${other} and ${type.name}`);
    }
    seen.add(type.name);
    registry.add(type.schema, { id: type.name });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `${DEFINITIONS}${id}`,
  });
  const out = new Map<string, JsonSchema>();
  for (const type of types) {
    const generated = schemas[type.name];
    if (generated === undefined) throw new Error(`zod produced no schema for ${type.name}`);
    const node = normalize(generated as JsonValue) as JsonSchema;
    delete node['$schema'];
    out.set(type.name, node);
  }
  return out;
}

const INTEGER_FORMATS: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
  uint: [0, Number.MAX_SAFE_INTEGER],
};

function normalize(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  const node: Record<string, JsonValue> = {};
  for (const [key, child] of Object.entries(value)) node[key] = normalize(child);
  delete node['$id'];
  // `{}` (anything) from zod: a map of anything is `true` in Rust's schema; on an object with
  // properties (a `.loose()` one) it says nothing and goes.
  if (isEmptyObject(node['additionalProperties'])) {
    if (node['properties'] === undefined) node['additionalProperties'] = true;
    else delete node['additionalProperties'];
  }
  if (isStringType(node['propertyNames'])) delete node['propertyNames'];
  if (node['type'] === 'object' && isEmptyObject(node['properties'])) delete node['properties'];
  if ('const' in node) {
    node['enum'] = [node['const'] ?? null];
    delete node['const'];
  }
  if (Array.isArray(node['required'])) node['required'] = [...node['required']].sort();
  if (node['type'] === 'integer') integerFormat(node);
  return sortKeys(node);
}

/** `{minimum, maximum}` of a Rust integer type -> its `format` (unsigned keep `minimum: 0`). */
function integerFormat(node: Record<string, JsonValue>): void {
  let format: string | undefined = typeof node['format'] === 'string' ? node['format'] : undefined;
  format ??= Object.entries(INTEGER_FORMATS).find(
    ([, [min, max]]) => node['minimum'] === min && node['maximum'] === max,
  )?.[0];
  const range = format === undefined ? undefined : INTEGER_FORMATS[format];
  if (format === undefined || range === undefined) return;
  if (node['minimum'] === range[0] || node['minimum'] === undefined) delete node['minimum'];
  if (node['maximum'] === range[1] || node['maximum'] === undefined) delete node['maximum'];
  node['format'] = format;
  if (range[0] === 0 && node['minimum'] === undefined) node['minimum'] = 0;
}

function isEmptyObject(value: JsonValue | undefined): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}

function isStringType(value: JsonValue | undefined): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    value['type'] === 'string'
  );
}

/** A copy of `node` with its keys in code-point order (arrays keep their order). */
export function sortKeys(node: Record<string, JsonValue>): Record<string, JsonValue> {
  const sorted: Record<string, JsonValue> = {};
  for (const key of Object.keys(node).sort()) sorted[key] = node[key] ?? null;
  return sorted;
}

/** Names of the definitions `node` refers to (`#/definitions/Name`), directly. */
export function referencedNames(node: JsonValue, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) referencedNames(child, into);
  } else if (node !== null && typeof node === 'object') {
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith(DEFINITIONS)) {
      into.add(ref.slice(DEFINITIONS.length));
    }
    for (const child of Object.values(node)) referencedNames(child, into);
  }
  return into;
}

/** `names` and every definition they reach, transitively. */
export function closure(
  names: Iterable<string>,
  definitions: ReadonlyMap<string, JsonSchema>,
): Set<string> {
  const reached = new Set<string>();
  const queue = [...names];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    const definition = definitions.get(name);
    if (definition) queue.push(...referencedNames(definition));
  }
  return reached;
}
