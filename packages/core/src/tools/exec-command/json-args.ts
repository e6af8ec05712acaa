import { ToolCallError } from '../tool-types.js';

export type SandboxPermissions =
  'use_default' | 'require_escalated' | 'with_additional_permissions';
const SANDBOX_PERMISSIONS: readonly SandboxPermissions[] = [
  'use_default',
  'require_escalated',
  'with_additional_permissions',
];

/** A malformed call, worded like the Rust Codex's (`failed to parse function arguments: ...`). */
export function argsError(detail: string): ToolCallError {
  return new ToolCallError(`failed to parse function arguments: ${detail}`);
}

/**
 * Typed reads of a function call's JSON arguments for the command tools. `null` counts as
 * absent, unknown fields are ignored, and a value of the wrong type is a ToolCallError the
 * model sees.
 */
export class JsonArgs {
  private constructor(private readonly obj: Record<string, unknown>) {}

  static parse(json: string): JsonArgs {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw argsError((err as Error).message);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw argsError('invalid type: expected a JSON object');
    }
    return new JsonArgs(value as Record<string, unknown>);
  }

  private present(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  string(key: string): string | null {
    if (!this.present(key)) return null;
    const v = this.obj[key];
    if (typeof v !== 'string') throw argsError(`invalid type for \`${key}\`: expected a string`);
    return v;
  }

  requiredString(key: string): string {
    const v = this.string(key);
    if (v === null) throw argsError(`missing field \`${key}\``);
    return v;
  }

  boolean(key: string): boolean | null {
    if (!this.present(key)) return null;
    const v = this.obj[key];
    if (typeof v !== 'boolean') throw argsError(`invalid type for \`${key}\`: expected a boolean`);
    return v;
  }

  /** A non-negative number; fractions are rounded down. */
  count(key: string): number | null {
    if (!this.present(key)) return null;
    const v = this.obj[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw argsError(`invalid value for \`${key}\`: expected a non-negative integer`);
    }
    return Math.floor(v);
  }

  /** A whole number (a session id). */
  requiredInteger(key: string): number {
    if (!this.present(key)) throw argsError(`missing field \`${key}\``);
    const v = this.obj[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      throw argsError(`invalid type for \`${key}\`: expected an integer`);
    }
    return v;
  }

  stringArray(key: string): string[] | null {
    if (!this.present(key)) return null;
    const v = this.obj[key];
    if (!Array.isArray(v) || !v.every((item) => typeof item === 'string')) {
      throw argsError(`invalid type for \`${key}\`: expected an array of strings`);
    }
    return v as string[];
  }

  requiredStringArray(key: string): string[] {
    const v = this.stringArray(key);
    if (v === null) throw argsError(`missing field \`${key}\``);
    return v;
  }

  sandboxPermissions(): SandboxPermissions {
    const v = this.string('sandbox_permissions');
    if (v === null) return 'use_default';
    const match = SANDBOX_PERMISSIONS.find((p) => p === v);
    if (!match) {
      const expected = SANDBOX_PERMISSIONS.map((p) => `\`${p}\``).join(', ');
      throw argsError(
        `unknown variant \`${v}\` for \`sandbox_permissions\`, expected one of ${expected}`,
      );
    }
    return match;
  }
}
