import { describe, expect, it } from 'vitest';

import { mcpToolParameters } from './mcp-tool-schema.js';
import { mcpErrorResult, mcpResultToToolResult } from './mcp-call-output.js';
import { mcpToolApprovalMode, mcpToolNeedsApproval } from './mcp-approval.js';

describe('mcpToolParameters', () => {
  it('adds missing properties and keeps only the known keywords, properties sorted', () => {
    expect(mcpToolParameters({ type: 'object' })).toEqual({ type: 'object', properties: {} });
    expect(mcpToolParameters({ type: 'object', properties: null })).toEqual({
      type: 'object',
      properties: {},
    });
    const params = mcpToolParameters({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      title: 'Args',
      properties: {
        zeta: { type: 'integer', minimum: 1 },
        alpha: { type: 'string', default: 'x' },
      },
      required: ['zeta'],
      additionalProperties: false,
    });
    expect(params).toEqual({
      type: 'object',
      properties: { alpha: { type: 'string' }, zeta: { type: 'integer' } },
      required: ['zeta'],
      additionalProperties: false,
    });
    expect(Object.keys(params['properties'] as object)).toEqual(['alpha', 'zeta']);
  });

  it('infers missing types and fills object properties and array items', () => {
    expect(
      mcpToolParameters({
        properties: {
          list: { items: {} },
          bare: {},
          num: { maximum: 3 },
          pick: { enum: [1, 2] },
          fixed: { const: 'x' },
          nested: { required: ['a'] },
          flag: true,
          many: { type: ['string', 'null', 'bogus'] },
          arr: { type: 'array' },
          choice: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        arr: { type: 'array', items: { type: 'string' } },
        bare: { type: 'string' },
        choice: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        fixed: { type: 'string', enum: ['x'] },
        flag: { type: 'string' },
        list: { type: 'array', items: { type: 'string' } },
        many: { type: ['string', 'null'] },
        nested: { type: 'object', properties: {}, required: ['a'] },
        num: { type: 'number' },
        pick: { type: 'number', enum: [1, 2] },
      },
    });
  });
});

describe('mcpResultToToolResult', () => {
  it('sends the content blocks as JSON text', () => {
    expect(mcpResultToToolResult({ content: [{ type: 'text', text: 'hi' }] })).toEqual({
      output: '[{"type":"text","text":"hi"}]',
      success: true,
    });
    expect(mcpResultToToolResult(mcpErrorResult('boom'))).toEqual({
      output: '[{"type":"text","text":"boom"}]',
      success: false,
    });
  });

  it('prefers structured content', () => {
    expect(
      mcpResultToToolResult({
        content: [{ type: 'text', text: 'x' }],
        structuredContent: { a: 1 },
      }),
    ).toEqual({ output: '{"a":1}', success: true });
  });

  it('turns blocks into content items when there is an image', () => {
    const result = mcpResultToToolResult({
      content: [
        { type: 'text', text: 'caption' },
        {
          type: 'image',
          data: 'Zm9v',
          mimeType: 'image/png',
          _meta: { 'codex/imageDetail': 'low' },
        },
        { type: 'image', data: 'data:image/gif;base64,R0lG' },
        { type: 'resource_link', uri: 'file:///x', name: 'x' },
      ],
    });
    expect(result.contentItems).toEqual([
      { type: 'input_text', text: 'caption' },
      { type: 'input_image', image_url: 'data:image/png;base64,Zm9v', detail: 'low' },
      { type: 'input_image', image_url: 'data:image/gif;base64,R0lG', detail: 'high' },
      { type: 'input_text', text: '{"type":"resource_link","uri":"file:///x","name":"x"}' },
    ]);
  });
});

describe('mcpToolNeedsApproval', () => {
  const base = {
    annotations: undefined,
    mode: 'auto' as const,
    approvalPolicy: 'on-request' as const,
    sandboxMode: 'workspace-write' as const,
  };

  it('runs tools without annotations in auto mode', () => {
    expect(mcpToolNeedsApproval(base)).toBe(false);
  });

  it('follows the annotations', () => {
    const needs = (annotations: object) => mcpToolNeedsApproval({ ...base, annotations });
    expect(needs({ destructiveHint: true, readOnlyHint: true })).toBe(true);
    expect(needs({ readOnlyHint: true })).toBe(false);
    expect(needs({})).toBe(true);
    expect(needs({ destructiveHint: false, openWorldHint: false })).toBe(false);
    expect(needs({ destructiveHint: false })).toBe(true);
  });

  it('honours the approval mode and full access', () => {
    const destructive = { ...base, annotations: { destructiveHint: true } };
    expect(mcpToolNeedsApproval({ ...destructive, mode: 'approve' })).toBe(false);
    expect(mcpToolNeedsApproval({ ...base, mode: 'prompt' })).toBe(true);
    expect(
      mcpToolNeedsApproval({
        ...destructive,
        approvalPolicy: 'never',
        sandboxMode: 'danger-full-access',
      }),
    ).toBe(false);
  });

  it('reads the tool mode, then the server default', () => {
    const server: Parameters<typeof mcpToolApprovalMode>[0] = {
      transport: { type: 'stdio', command: 'x', args: [], env: null, envVars: [], cwd: null },
      enabled: true,
      required: false,
      startupTimeoutMs: null,
      toolTimeoutMs: null,
      enabledTools: null,
      disabledTools: null,
      defaultToolsApprovalMode: 'prompt',
      toolApprovalModes: { safe: 'approve' },
    };
    expect(mcpToolApprovalMode(server, 'safe')).toBe('approve');
    expect(mcpToolApprovalMode(server, 'other')).toBe('prompt');
  });
});
