import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { addIntegerFormats, SCHEMA_DIR } from '@codex-ts/test-support';
// Deep imports: the generator's building blocks are not part of the package API.
import { V2_BUNDLE_FILE, jsonSchemaFiles } from '../../src/schema/json-schema-files.js';
import type { JsonSchema } from '../../src/schema/json-schema-definitions.js';
import { protocolSchema } from '../../src/schema/protocol-schema.js';

/** A JSON Schema with `definitions`, as both bundles are. */
export interface SchemaBundle {
  definitions: Record<string, JsonSchema>;
}

/**
 * Validates values against the definitions of one schema layout by definition name: the v2
 * bundle plus the v1 handshake files (`InitializeParams`, `InitializeResponse`).
 */
export class DefinitionValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    readonly bundle: SchemaBundle,
    private readonly standalone: Record<string, object>,
  ) {
    addIntegerFormats(this.ajv);
    this.ajv.addSchema(bundle as object, 'bundle');
  }

  has(name: string): boolean {
    return name in this.bundle.definitions || name in this.standalone;
  }

  definition(name: string): JsonSchema | undefined {
    return this.bundle.definitions[name] ?? (this.standalone[name] as JsonSchema | undefined);
  }

  /** Null when `value` is valid, else the error lines. */
  errors(name: string, value: unknown): string[] | null {
    const fn = this.validator(name);
    if (fn(value)) return null;
    return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }

  accepts(name: string, value: unknown): boolean {
    return this.errors(name, value) === null;
  }

  private validator(name: string): ValidateFunction {
    let fn = this.compiled.get(name);
    if (!fn) {
      const own = this.standalone[name];
      fn = own ? this.ajv.compile(own) : this.ajv.getSchema(`bundle#/definitions/${name}`);
      if (!fn) throw new Error(`no definition ${name}`);
      this.compiled.set(name, fn);
    }
    return fn;
  }
}

/** The schema this server generates (`generate-json-schema`), read from memory. */
export function generatedValidator(): DefinitionValidator {
  const files = new Map(jsonSchemaFiles(protocolSchema()).map((f) => [f.path, f.content]));
  const read = (path: string): object => JSON.parse(files.get(path) ?? 'null') as object;
  const rootFiles = [...files.keys()].filter((path) => /^[A-Z][A-Za-z]*\.json$/.test(path));
  return new DefinitionValidator(read(V2_BUNDLE_FILE) as SchemaBundle, {
    InitializeParams: read('v1/InitializeParams.json'),
    InitializeResponse: read('v1/InitializeResponse.json'),
    // The envelopes and the server requests (root files, not in the v2 bundle).
    ...Object.fromEntries(rootFiles.map((path) => [path.replace('.json', ''), read(path)])),
  });
}

/** The shared reference schema of the Rust app server. */
export function referenceValidator(): DefinitionValidator {
  const read = (path: string): object =>
    JSON.parse(readFileSync(join(SCHEMA_DIR, path), 'utf8')) as object;
  return new DefinitionValidator(read(V2_BUNDLE_FILE) as SchemaBundle, {
    InitializeParams: read('v1/InitializeParams.json'),
    InitializeResponse: read('v1/InitializeResponse.json'),
  });
}
