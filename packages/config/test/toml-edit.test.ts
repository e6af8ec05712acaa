import { describe, expect, it } from 'vitest';

import { setTomlKey, TomlEditError } from '../src/toml-edit.js';

describe('setTomlKey', () => {
  it('adds after the last entry of the section, before comments that lead into the next one', () => {
    const source = '[a]\n  x = 1 # one\n\n# about [b]\n[b]\ny = 2\n';
    expect(setTomlKey(source, ['a', 'z'], 'true')).toBe(
      '[a]\n  x = 1 # one\n  z = true\n\n# about [b]\n[b]\ny = 2\n',
    );
  });

  it('adds right after a header with no entries, even at the very end', () => {
    expect(setTomlKey('[a]', ['a', 'z'], 'true')).toBe('[a]\nz = true\n');
    expect(setTomlKey('[a]\n# nothing yet\n', ['a', 'z'], 'true')).toBe(
      '[a]\nz = true\n# nothing yet\n',
    );
  });

  it('replaces strings, arrays and inline tables on one line', () => {
    expect(setTomlKey('[a]\nz = "x # y" # c\n', ['a', 'z'], 'true')).toBe('[a]\nz = true # c\n');
    expect(setTomlKey('[a]\nz = [1, [2]] # c\n', ['a', 'z'], 'false')).toBe('[a]\nz = false # c\n');
  });

  it('refuses values that span several lines', () => {
    expect(() => setTomlKey('[a]\nz = [\n  1,\n]\n', ['a', 'z'], 'true')).toThrow(TomlEditError);
    expect(() => setTomlKey('[a]\nz = """\ntext"""\n', ['a', 'z'], 'true')).toThrow(
      /spans several lines/,
    );
  });

  it('removes a key line and nothing else', () => {
    expect(setTomlKey('[a]\nx = 1\nz = true # c\ny = 2\n', ['a', 'z'], null)).toBe(
      '[a]\nx = 1\ny = 2\n',
    );
    expect(setTomlKey('[a]\nx = 1\n', ['a', 'z'], null)).toBe('[a]\nx = 1\n');
  });

  it('quotes keys that are not bare', () => {
    expect(setTomlKey('', ['profiles', 'a.b', 'features', 'x'], 'true')).toBe(
      '[profiles."a.b".features]\nx = true\n',
    );
  });
});
