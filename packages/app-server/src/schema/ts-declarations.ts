import type { JsonSchema, JsonValue } from './json-schema-definitions.js';

/**
 * TypeScript for JSON Schema definitions, in the style of the Rust export (ts-rs): one
 * `export type Name = ...;` per definition, object fields optional (`?:`) when not required,
 * `T | null` for nullable ones, `Array<T>`, string literal unions for enums, and the names of
 * other definitions imported as types. Covers the subset of JSON Schema our zod schemas produce.
 */
export class TsTypeWriter {
  /** Definition names the rendered types refer to. */
  readonly references = new Set<string>();

  /** The type expression of `node`. `indent` is the indentation of the line it starts on. */
  type(node: JsonValue, indent = ''): string {
    if (node === true || isEmpty(node)) return 'unknown';
    if (node === false || node === null || typeof node !== 'object' || Array.isArray(node)) {
      return 'never';
    }
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const name = ref.slice(ref.lastIndexOf('/') + 1);
      this.references.add(name);
      return name;
    }
    const members = node['oneOf'] ?? node['anyOf'];
    if (Array.isArray(members)) return union(members.map((m) => this.type(m, indent)));
    const allOf = node['allOf'];
    if (Array.isArray(allOf)) return allOf.map((m) => wrap(this.type(m, indent))).join(' & ');
    const values = node['enum'];
    if (Array.isArray(values)) return union(values.map((v) => JSON.stringify(v)));
    const types = node['type'];
    if (Array.isArray(types)) {
      return union(types.map((t) => this.type({ ...node, type: t }, indent)));
    }
    switch (types) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array':
        return `Array<${this.type(node['items'] ?? true, indent)}>`;
      case 'object':
        return this.object(node, indent);
      default:
        return 'unknown';
    }
  }

  private object(node: JsonSchema, indent: string): string {
    const properties = node['properties'];
    const extra = node['additionalProperties'];
    if (!isObject(properties)) {
      if (extra === undefined || extra === false) return 'Record<string, never>';
      return `{ [key in string]?: ${this.type(extra, indent)} }`;
    }
    const required = new Set(Array.isArray(node['required']) ? node['required'] : []);
    const inner = `${indent}  `;
    const lines = Object.entries(properties).map(([key, schema]) => {
      const optional = required.has(key) ? '' : '?';
      const doc = docComment(isObject(schema) ? schema['description'] : undefined, inner);
      return `${doc}${inner}${propertyName(key)}${optional}: ${this.type(schema, inner)};`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
}

/** `/** text *\/` lines for a description (none without one). */
export function docComment(description: JsonValue | undefined, indent: string): string {
  if (typeof description !== 'string' || description.trim() === '') return '';
  const lines = description.replaceAll('*/', '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0] ?? ''} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l === '' ? '' : ` ${l}`}`).join('\n')}\n${indent} */\n`;
}

/** `A | B`; nested unions need no parentheses (and `&` binds tighter than `|`). */
function union(members: string[]): string {
  const unique = [...new Set(members)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

/** Parenthesises a union or intersection used as a member of an intersection. */
function wrap(type: string): string {
  return hasTopLevelOperator(type) ? `(${type})` : type;
}

/** Whether `type` has a `|` or `&` outside brackets and string literals. */
function hasTopLevelOperator(type: string): boolean {
  let depth = 0;
  let quote = false;
  for (let i = 0; i < type.length; i++) {
    const ch = type[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === '{' || ch === '<' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === '>' || ch === ')' || ch === ']') depth--;
    else if ((ch === '|' || ch === '&') && depth === 0) return true;
  }
  return false;
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `{}` or a node with nothing but annotations: any value. */
function isEmpty(node: JsonValue): boolean {
  if (!isObject(node)) return false;
  const keys = Object.keys(node).filter(
    (k) => !['description', 'default', 'title', '$schema'].includes(k),
  );
  return keys.length === 0;
}
