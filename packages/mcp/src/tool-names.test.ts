import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { McpTool } from './mcp-types.js';
import { MAX_TOOL_NAME_LENGTH, qualifyTools, sanitizeToolName } from './tool-names.js';
import { ToolFilter } from './tool-filter.js';

const tool = (name: string): McpTool => ({ name, inputSchema: { type: 'object' } });

describe('sanitizeToolName', () => {
  it('replaces characters outside [a-zA-Z0-9_-] with _', () => {
    expect(sanitizeToolName('mcp__docs.v2__read file')).toBe('mcp__docs_v2__read_file');
    expect(sanitizeToolName('héllo')).toBe('h_llo');
    expect(sanitizeToolName('')).toBe('tool');
  });
});

describe('qualifyTools', () => {
  it('names tools mcp__<server>__<tool>, sorted', () => {
    const names = qualifyTools([
      { server: 'zeta', tool: tool('a') },
      { server: 'alpha', tool: tool('b.c') },
    ]).map((t) => [t.qualifiedName, t.server, t.tool.name]);
    expect(names).toEqual([
      ['mcp__alpha__b_c', 'alpha', 'b.c'],
      ['mcp__zeta__a', 'zeta', 'a'],
    ]);
  });

  it('shortens names over 64 characters to a prefix plus the SHA-1 of the raw name', () => {
    const long = 'a_very_long_tool_name_that_goes_on_and_on_and_on_forever';
    const raw = `mcp__server__${long}`;
    const [info] = qualifyTools([{ server: 'server', tool: tool(long) }]);
    const sha1 = createHash('sha1').update(raw).digest('hex');
    expect(info?.qualifiedName).toBe(`${raw.slice(0, MAX_TOOL_NAME_LENGTH - 40)}${sha1}`);
    expect(info?.qualifiedName).toHaveLength(MAX_TOOL_NAME_LENGTH);
    expect(info?.tool.name).toBe(long);
  });

  it('keeps the first of two tools that end up with the same name', () => {
    const infos = qualifyTools([
      { server: 's', tool: tool('a.b') },
      { server: 's', tool: tool('a_b') },
      { server: 's', tool: tool('a.b') },
    ]);
    expect(infos.map((t) => t.tool.name)).toEqual(['a.b']);
  });
});

describe('ToolFilter', () => {
  it('applies enabled_tools, then disabled_tools', () => {
    const filter = ToolFilter.fromConfig({ enabledTools: ['a', 'b'], disabledTools: ['b'] });
    expect(['a', 'b', 'c'].filter((name) => filter.allows(name))).toEqual(['a']);
    const open = ToolFilter.fromConfig({ enabledTools: null, disabledTools: null });
    expect(open.allows('anything')).toBe(true);
  });
});
