import * as z from 'zod';

// zod schemas of the shared objects this server sends (their TypeScript types live in
// @codex-ts/protocol as interfaces; `wire-type-checks.ts` keeps the two in step). Named after the
// definitions of the Rust app server's JSON Schema.

/** Integer annotated with a Rust integer `format`, as the reference schema writes them. */
export function int(format: 'int32' | 'int64' | 'uint32' | 'uint16' | 'uint' = 'int64') {
  const bounds = {
    int32: [-(2 ** 31), 2 ** 31 - 1],
    int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    uint32: [0, 2 ** 32 - 1],
    uint16: [0, 2 ** 16 - 1],
    uint: [0, Number.MAX_SAFE_INTEGER],
  } as const;
  const [min, max] = bounds[format];
  return z.number().int().min(min).max(max).meta({ format });
}

export const RequestIdSchema = z.union([z.string(), int('int64')]);

export const ThreadActiveFlagSchema = z.enum(['waitingOnApproval', 'waitingOnUserInput']);

export const ThreadStatusSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notLoaded') }),
  z.object({ type: z.literal('idle') }),
  z.object({ type: z.literal('systemError') }),
  z.object({ type: z.literal('active'), activeFlags: z.array(ThreadActiveFlagSchema) }),
]);

export const TurnStatusSchema = z.enum(['completed', 'interrupted', 'failed', 'inProgress']);

export const SessionSourceSchema = z.enum(['cli', 'vscode', 'exec', 'appServer', 'unknown']);

const httpStatus = z.object({ httpStatusCode: int('uint16').nullable() });

export const CodexErrorInfoSchema = z.union([
  z.enum([
    'contextWindowExceeded',
    'usageLimitExceeded',
    'rateLimitExceeded',
    'serverOverloaded',
    'modelNotFound',
    'internalServerError',
    'unauthorized',
    'badRequest',
    'sandboxError',
    'other',
  ]),
  z.object({ httpConnectionFailed: httpStatus }).strict(),
  z.object({ responseStreamConnectionFailed: httpStatus }).strict(),
  z.object({ responseStreamDisconnected: httpStatus }).strict(),
  z.object({ responseTooManyFailedAttempts: httpStatus }).strict(),
]);

export const TurnErrorSchema = z.object({
  message: z.string(),
  codexErrorInfo: CodexErrorInfoSchema.nullable(),
  additionalDetails: z.string().nullable(),
});

export const TokenUsageBreakdownSchema = z.object({
  totalTokens: int(),
  inputTokens: int(),
  cachedInputTokens: int(),
  cacheWriteInputTokens: int(),
  outputTokens: int(),
  reasoningOutputTokens: int(),
});

export const ThreadTokenUsageSchema = z.object({
  total: TokenUsageBreakdownSchema,
  last: TokenUsageBreakdownSchema,
  modelContextWindow: int().nullable(),
});

export const ApprovalsReviewerSchema = z.enum(['user']);

export const TurnPlanStepStatusSchema = z.enum(['pending', 'inProgress', 'completed']);

export const TurnPlanStepSchema = z.object({
  step: z.string(),
  status: TurnPlanStepStatusSchema,
});
