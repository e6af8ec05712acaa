import type { z } from 'zod';

import type { ConfigTable } from './config-override.js';
import type { LayeredConfig } from './config-layers.js';
import { ConfigValidationError, UnknownConfigKeyError } from './errors.js';
import { issueKey } from './schema-helpers.js';
import type { ConfigWarning } from './types.js';

/**
 * Validating access to the layered config. Values are parsed with zod schemas (see
 * `config-toml-schema.ts`); a value of the wrong shape becomes a `ConfigValidationError` located
 * at the exact offending key (`file:line:col`, or `-c key` for overrides).
 */
export class ConfigReader {
  readonly warnings: ConfigWarning[] = [];

  constructor(
    readonly layers: LayeredConfig,
    private readonly strict: boolean,
  ) {}

  get(path: readonly string[]): unknown {
    return this.layers.get(path);
  }

  /**
   * The value at `path` parsed with `schema`, or undefined when absent. On failure the first
   * zod issue decides the error: its path extends `path` to the key that is wrong.
   */
  parse<S extends z.ZodType>(path: readonly string[], schema: S): z.output<S> | undefined {
    const value = this.get(path);
    if (value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    if (issue === undefined) this.fail(path, 'invalid value');
    const { keys, label } = issueKey(issue);
    const keyPath = [...path, ...keys];
    throw new ConfigValidationError(
      `${keyPath.join('.')}${label}`,
      this.layers.locate(keyPath),
      issue.message,
    );
  }

  fail(path: readonly string[], reason: string): never {
    throw new ConfigValidationError(path.join('.'), this.layers.locate(path), reason);
  }

  warn(message: string, location: string | null): void {
    this.warnings.push({ message, location });
  }

  /** Warn about (or, when strict, reject) keys of `table` that `isKnown` does not accept. */
  checkKeys(path: readonly string[], table: ConfigTable, isKnown: (key: string) => boolean): void {
    for (const key of Object.keys(table)) {
      if (isKnown(key)) continue;
      const keyPath = [...path, key];
      const dotted = keyPath.join('.');
      const location = this.layers.locate(keyPath);
      if (this.strict) {
        throw new UnknownConfigKeyError(dotted, location);
      }
      this.warn(`unknown configuration field \`${dotted}\``, location);
    }
  }
}
