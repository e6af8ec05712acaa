import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { GeneratedFile } from './json-schema-files.js';

// The schema modules build every zod schema of the protocol when loaded: they are imported on
// first use, so loading the app server (`codex exec`, `codex app-server`) does not pay for them.

/** The output directory (or a file in it) cannot be created or written. */
export class SchemaOutputError extends Error {
  readonly code = 'schema_output_unwritable';
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaOutputError';
  }
}

/** Prettier could not be run on the generated TypeScript, or it failed. */
export class PrettierFailedError extends Error {
  readonly code = 'prettier_failed';
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrettierFailedError';
  }
}

export interface GenerateJsonSchemaOptions {
  /**
   * Include experimental methods and fields (Rust's `--experimental`). This server implements
   * none, so the output is the same either way.
   */
  experimental?: boolean;
}

export interface GenerateTsOptions extends GenerateJsonSchemaOptions {
  /** Prettier executable to run on the written files (`--prettier`); none when absent. */
  prettier?: string | null;
}

/**
 * `codex app-server generate-json-schema --out DIR`: writes the JSON Schema of the protocol
 * this server implements (generated from its zod schemas) in the Rust CLI's layout. Creates DIR,
 * overwrites files of the same name, and gives the same bytes for the same protocol. Resolves
 * with the written paths; throws `SchemaOutputError` when DIR cannot be written.
 */
export async function generateJsonSchema(
  outDir: string,
  _options: GenerateJsonSchemaOptions = {},
): Promise<string[]> {
  const [{ jsonSchemaFiles }, { protocolSchema }] = await Promise.all([
    import('./json-schema-files.js'),
    import('./protocol-schema.js'),
  ]);
  return writeGeneratedFiles(outDir, jsonSchemaFiles(protocolSchema()));
}

/**
 * `codex app-server generate-ts --out DIR`: writes TypeScript declarations of the same
 * definitions (one file per type plus `index.ts` files), then runs Prettier on them if asked.
 */
export async function generateTs(
  outDir: string,
  options: GenerateTsOptions = {},
): Promise<string[]> {
  const [{ tsFiles }, { protocolSchema }] = await Promise.all([
    import('./ts-files.js'),
    import('./protocol-schema.js'),
  ]);
  const written = await writeGeneratedFiles(outDir, tsFiles(protocolSchema()));
  if (options.prettier) await runPrettier(options.prettier, written);
  return written;
}

/** Writes `files` under `outDir` (created with its parents); resolves with absolute paths. */
export async function writeGeneratedFiles(
  outDir: string,
  files: readonly GeneratedFile[],
): Promise<string[]> {
  const root = resolve(outDir);
  try {
    await mkdir(root, { recursive: true });
  } catch (err) {
    throw new SchemaOutputError(`cannot create output directory ${root}: ${reason(err)}`, {
      cause: err,
    });
  }
  const written: string[] = [];
  for (const file of files) {
    const path = join(root, file.path);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    } catch (err) {
      throw new SchemaOutputError(`cannot write ${path}: ${reason(err)}`, { cause: err });
    }
    written.push(path);
  }
  return written;
}

function runPrettier(prettier: string, files: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(prettier, ['--write', '--log-level', 'warn', ...files], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', (err) => {
      reject(new PrettierFailedError(`failed to run Prettier at ${prettier}: ${reason(err)}`));
    });
    child.once('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else {
        const status = code === null ? `signal ${String(signal)}` : `exit code ${String(code)}`;
        reject(new PrettierFailedError(`Prettier failed with ${status}`));
      }
    });
  });
}

function reason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOENT') return 'no such file or directory';
  return err instanceof Error ? err.message : String(err);
}
