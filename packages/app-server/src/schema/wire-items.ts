import { UserInputSchema } from '@codex-ts/protocol';
import * as z from 'zod';
import { int } from './wire-shared.js';

// zod schemas of the v2 `ThreadItem` variants this server produces (types: v2-items.ts).

export const CommandExecutionStatusSchema = z.enum([
  'inProgress',
  'completed',
  'failed',
  'declined',
]);
export const CommandExecutionSourceSchema = z.enum([
  'agent',
  'userShell',
  'unifiedExecStartup',
  'unifiedExecInteraction',
]);
export const PatchApplyStatusSchema = z.enum(['inProgress', 'completed', 'failed', 'declined']);
export const McpToolCallStatusSchema = z.enum(['inProgress', 'completed', 'failed']);

export const CommandActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('read'), command: z.string(), name: z.string(), path: z.string() }),
  z.object({ type: z.literal('listFiles'), command: z.string(), path: z.string().nullable() }),
  z.object({
    type: z.literal('search'),
    command: z.string(),
    query: z.string().nullable(),
    path: z.string().nullable(),
  }),
  z.object({ type: z.literal('unknown'), command: z.string() }),
]);

export const PatchChangeKindSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add') }),
  z.object({ type: z.literal('delete') }),
  z.object({ type: z.literal('update'), move_path: z.string().nullable() }),
]);

export const FileUpdateChangeSchema = z.object({
  path: z.string(),
  kind: PatchChangeKindSchema,
  diff: z.string(),
});

export const McpToolCallResultSchema = z.object({
  content: z.array(z.unknown()),
  structuredContent: z.unknown().optional(),
});

export const McpToolCallErrorSchema = z.object({ message: z.string() });

export const ThreadItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('userMessage'), id: z.string(), content: z.array(UserInputSchema) }),
  z.object({ type: z.literal('agentMessage'), id: z.string(), text: z.string() }),
  z.object({
    type: z.literal('reasoning'),
    id: z.string(),
    summary: z.array(z.string()),
    content: z.array(z.string()),
  }),
  z.object({
    type: z.literal('commandExecution'),
    id: z.string(),
    command: z.string(),
    cwd: z.string(),
    processId: z.string().nullable(),
    source: CommandExecutionSourceSchema,
    status: CommandExecutionStatusSchema,
    commandActions: z.array(CommandActionSchema),
    aggregatedOutput: z.string().nullable(),
    exitCode: int('int32').nullable(),
    durationMs: int().nullable(),
  }),
  z.object({
    type: z.literal('fileChange'),
    id: z.string(),
    changes: z.array(FileUpdateChangeSchema),
    status: PatchApplyStatusSchema,
  }),
  z.object({
    type: z.literal('mcpToolCall'),
    id: z.string(),
    server: z.string(),
    tool: z.string(),
    status: McpToolCallStatusSchema,
    arguments: z.unknown(),
    result: McpToolCallResultSchema.nullable(),
    error: McpToolCallErrorSchema.nullable(),
    durationMs: int().nullable(),
  }),
  z.object({ type: z.literal('webSearch'), id: z.string(), query: z.string() }),
  z.object({ type: z.literal('imageView'), id: z.string(), path: z.string() }),
  z.object({ type: z.literal('contextCompaction'), id: z.string() }),
  z.object({ type: z.literal('enteredReviewMode'), id: z.string(), review: z.string() }),
  z.object({ type: z.literal('exitedReviewMode'), id: z.string(), review: z.string() }),
]);
