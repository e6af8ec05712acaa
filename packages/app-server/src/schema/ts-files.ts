import type { JsonSchema } from './json-schema-definitions.js';
import type { GeneratedFile } from './json-schema-files.js';
import type { ProtocolSchema } from './protocol-schema.js';
import { TsTypeWriter, docComment } from './ts-declarations.js';

/** First line of every generated TypeScript file (the Rust export writes the same marker). */
export const GENERATED_TS_HEADER = '// GENERATED CODE! DO NOT MODIFY BY HAND!\n\n';

/**
 * The `generate-ts` layout, as the Rust CLI writes it: one `Name.ts` per definition (v2 types
 * under `v2/`, the handshake, unions and server requests at the root), each importing the types
 * it uses, and an `index.ts` in both directories re-exporting them (`export * as v2` at the
 * root). The JSON-RPC envelopes are left out, as in Rust.
 */
export function tsFiles(schema: ProtocolSchema): GeneratedFile[] {
  const names = [...schema.definitions.keys()].filter((n) => !n.startsWith('JSONRPC')).sort();
  const files: GeneratedFile[] = [];
  const rootNames: string[] = [];
  const v2Names: string[] = [];
  for (const name of names) {
    const inV2 = dirOf(schema, name) === 'v2';
    (inV2 ? v2Names : rootNames).push(name);
    files.push({ path: tsPath(schema, name), content: declarationFile(schema, name) });
  }
  files.push({ path: 'index.ts', content: indexFile(rootNames, v2Names.length > 0) });
  if (v2Names.length > 0) files.push({ path: 'v2/index.ts', content: indexFile(v2Names, false) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** TypeScript puts the v1 handshake types at the root, next to the unions. */
function dirOf(schema: ProtocolSchema, name: string): 'root' | 'v2' {
  return schema.namespaces.get(name) === 'v2' ? 'v2' : 'root';
}

function tsPath(schema: ProtocolSchema, name: string): string {
  return dirOf(schema, name) === 'v2' ? `v2/${name}.ts` : `${name}.ts`;
}

function declarationFile(schema: ProtocolSchema, name: string): string {
  const definition = schema.definitions.get(name) as JsonSchema;
  const writer = new TsTypeWriter();
  const body = writer.type(stripAnnotations(definition));
  const from = dirOf(schema, name);
  const imports = [...writer.references]
    .filter((ref) => ref !== name)
    .sort()
    .map((ref) => `import type { ${ref} } from "${importPath(from, dirOf(schema, ref), ref)}";`);
  return [
    GENERATED_TS_HEADER,
    imports.length > 0 ? `${imports.join('\n')}\n\n` : '',
    docComment(definition['description'], ''),
    `export type ${name} = ${body};\n`,
  ].join('');
}

/** The definition without the keywords that describe the file rather than the type. */
function stripAnnotations(definition: JsonSchema): JsonSchema {
  const { $schema: _schema, title: _title, description: _description, ...rest } = definition;
  return rest;
}

function importPath(from: 'root' | 'v2', to: 'root' | 'v2', name: string): string {
  if (from === to) return `./${name}`;
  return from === 'root' ? `./v2/${name}` : `../${name}`;
}

function indexFile(names: string[], withV2: boolean): string {
  const lines = names.map((name) => `export type { ${name} } from "./${name}";`);
  if (withV2) lines.push('export * as v2 from "./v2";');
  return `${GENERATED_TS_HEADER}${lines.join('\n')}\n`;
}
