/**
 * An MCP tool's `inputSchema` made fit for a Responses function tool, as the Rust Codex does it
 * (codex-rs/tools json_schema.rs): every schema gets a `type` (inferred when missing), `const`
 * becomes a one-value `enum`, objects get `properties` and arrays `items`; then only the keywords
 * Codex models know are kept (`type`, `description`, `enum`, `items`, `properties` with sorted
 * keys, `required`, `additionalProperties`, `anyOf`), in that order.
 */

type JsonObject = Record<string, unknown>;

const TYPE_NAMES = new Set(['string', 'number', 'boolean', 'integer', 'object', 'array', 'null']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The function tool `parameters` for an MCP tool's input schema. */
export function mcpToolParameters(inputSchema: unknown): JsonObject {
  const schema: JsonObject = isObject(inputSchema) ? structuredClone(inputSchema) : {};
  // OpenAI models require `properties`; some servers omit it or send null.
  if (schema['properties'] === undefined || schema['properties'] === null) {
    schema['properties'] = {};
  }
  return project(sanitize(schema));
}

function sanitize(value: unknown): unknown {
  if (typeof value === 'boolean') return { type: 'string' };
  if (Array.isArray(value)) return value.map(sanitize);
  if (!isObject(value)) return value;
  const map: JsonObject = { ...value };
  const properties = map['properties'];
  if (isObject(properties)) {
    map['properties'] = Object.fromEntries(
      Object.entries(properties).map(([key, child]) => [key, sanitize(child)]),
    );
  }
  for (const key of ['items', 'prefixItems', 'anyOf']) {
    if (map[key] !== undefined) map[key] = sanitize(map[key]);
  }
  const additional = map['additionalProperties'];
  if (additional !== undefined && typeof additional !== 'boolean') {
    map['additionalProperties'] = sanitize(additional);
  }
  if (Object.hasOwn(map, 'const')) {
    map['enum'] = [map['const']];
    delete map['const'];
    if (map['type'] === undefined || map['type'] === 'const') delete map['type'];
  }
  normalizeType(map);

  const type = map['type'];
  if (Array.isArray(type)) {
    if (type.includes('object') && map['properties'] === undefined) map['properties'] = {};
    if (type.includes('array') && map['items'] === undefined) map['items'] = { type: 'string' };
    return map;
  }
  if (type === undefined && map['anyOf'] !== undefined) return map;
  const resolved = typeof type === 'string' ? type : inferType(map);
  map['type'] = resolved;
  if (resolved === 'object' && map['properties'] === undefined) map['properties'] = {};
  if (resolved === 'array' && map['items'] === undefined) map['items'] = { type: 'string' };
  return map;
}

/** Unknown type names are dropped; a one-name list becomes that name. */
function normalizeType(map: JsonObject): void {
  const type = map['type'];
  if (Array.isArray(type)) {
    const names = type.filter((t): t is string => typeof t === 'string' && TYPE_NAMES.has(t));
    if (names.length === 0) delete map['type'];
    else map['type'] = names.length === 1 ? names[0] : names;
  } else if (type !== undefined && !(typeof type === 'string' && TYPE_NAMES.has(type))) {
    delete map['type'];
  }
}

function inferType(map: JsonObject): string {
  const has = (key: string): boolean => map[key] !== undefined;
  if (has('properties') || has('required') || has('additionalProperties')) return 'object';
  if (has('items') || has('prefixItems')) return 'array';
  if (has('enum') || has('format')) {
    return enumType(Array.isArray(map['enum']) ? map['enum'] : null) ?? 'string';
  }
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some(has)) {
    return 'number';
  }
  return 'string';
}

/** The common type of an enum's values, if they share one. */
function enumType(values: unknown[] | null): string | null {
  if (values === null || values.length === 0) return null;
  const types = new Set(values.map(valueType));
  const [first] = types;
  return types.size === 1 && first !== undefined && first !== null ? first : null;
}

function valueType(value: unknown): string | null {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value === null) return 'null';
  return null;
}

/** The keywords the Rust Codex's `JsonSchema` keeps, in its field order. */
function project(value: unknown): JsonObject {
  const map = isObject(value) ? value : {};
  const out: JsonObject = {};
  const type = map['type'];
  if (typeof type === 'string' || Array.isArray(type)) out['type'] = type;
  if (typeof map['description'] === 'string') out['description'] = map['description'];
  if (Array.isArray(map['enum'])) out['enum'] = map['enum'];
  const items = map['items'];
  if (isObject(items)) out['items'] = project(items);
  else if (Array.isArray(items)) out['items'] = project(items[0]);
  const properties = map['properties'];
  if (isObject(properties)) {
    out['properties'] = Object.fromEntries(
      Object.keys(properties)
        .sort()
        .map((key) => [key, project(properties[key])]),
    );
  }
  const required = map['required'];
  if (Array.isArray(required)) out['required'] = required.filter((r) => typeof r === 'string');
  const additional = map['additionalProperties'];
  if (typeof additional === 'boolean') out['additionalProperties'] = additional;
  else if (isObject(additional)) out['additionalProperties'] = project(additional);
  if (Array.isArray(map['anyOf'])) out['anyOf'] = map['anyOf'].map(project);
  return out;
}
