import * as z from 'zod';

import { isTable } from './config-override.js';

/**
 * Small zod building blocks for `config.toml` values. Every schema carries its own message in
 * our wording (`expected a string; got 3`), so that a failed parse reads the same whatever the
 * key; `ConfigReader` turns the failing issue into a `ConfigValidationError` located at the key.
 */

/** A short rendering of a value for error messages: strings quoted, containers by kind. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return 'an array';
  if (isTable(value)) return 'a table';
  if (value === null) return 'null';
  return typeof value;
}

/** `expected <what>; got <the value>`. */
export function expected(what: string, value: unknown): string {
  return `expected ${what}; got ${describe(value)}`;
}

/** The message of every issue of a schema: `expected <what>; got <the value>`. */
export function expecting(what: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => expected(what, issue.input) };
}

export const tomlString = z.string(expecting('a string'));

export const tomlBoolean = z.boolean(expecting('a boolean'));

/** A string that may not be blank; `message` replaces the default `must not be empty`. */
export function nonEmptyString(message = 'must not be empty'): z.ZodType<string> {
  return tomlString.refine((value) => value.trim() !== '', { error: message });
}

/** One of `values`: `expected one of a, b, c; got "d"`. */
export function tomlEnum<const T extends string>(values: readonly T[]): z.ZodType<T> {
  return z.enum(values as [T, ...T[]], expecting(`one of ${values.join(', ')}`)) as z.ZodType<T>;
}

const NON_NEGATIVE_INTEGER = expecting('a non-negative integer');

/** A TOML integer >= 0 (a bigint when smol-toml had to use one), as a number. */
export const nonNegativeInteger = z
  .union(
    [
      z.number(NON_NEGATIVE_INTEGER).int(NON_NEGATIVE_INTEGER).min(0, NON_NEGATIVE_INTEGER),
      z.bigint(NON_NEGATIVE_INTEGER).min(0n, NON_NEGATIVE_INTEGER),
    ],
    NON_NEGATIVE_INTEGER,
  )
  .transform((value) => Number(value));

export const stringArray = z.array(tomlString, expecting('an array of strings'));

/** A table whose values are all strings (`query_params`, `http_headers`, `set`, ...). */
export const stringMap = z.record(z.string(), tomlString, expecting('a table'));

/**
 * A table with the known keys of `shape` (all optional); other keys pass through untouched, so
 * that unknown keys warn (see `ConfigReader.checkKeys`) instead of failing the parse.
 */
export function tomlTable<S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$loose> {
  return z.looseObject(shape, expecting('a table'));
}

/**
 * `true` / `false`, or a table parsed with `table`: for settings with a short boolean form
 * (`tools.web_search = true`, `[features] code_mode = true`). A bad value inside the table is
 * reported at its own key (a plain `z.union` would report the union instead).
 */
export function booleanOrTable<T>(table: z.ZodType<T>): z.ZodType<boolean | T> {
  return z.unknown().transform((value, ctx): boolean | T => {
    if (typeof value === 'boolean') return value;
    if (!isTable(value)) {
      ctx.addIssue({ code: 'custom', message: expected('a boolean or a table', value) });
      return z.NEVER;
    }
    const result = table.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
    }
    return z.NEVER;
  });
}

/** A table of anything: a `[section]` whose content is validated elsewhere (or not at all). */
export const anyTable = z.record(z.string(), z.unknown(), expecting('a table'));

/**
 * Where a zod issue points, relative to the parsed value: `keys` is the table path (used to find
 * the file, line and column); `label` also names the array element (`writable_roots[1]`).
 */
export function issueKey(issue: z.core.$ZodIssue): { keys: string[]; label: string } {
  const keys: string[] = [];
  let label = '';
  let inArray = false;
  for (const segment of issue.path) {
    if (typeof segment === 'number') inArray = true;
    if (inArray) {
      label += typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`;
    } else {
      keys.push(String(segment));
    }
  }
  return { keys, label };
}
