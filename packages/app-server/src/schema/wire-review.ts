import type { ReviewStartResponse } from '@codex-ts/protocol';
import * as z from 'zod';
import { TurnSchema } from './wire-thread.js';

// The `review/start` answer (type: v2-review.ts of @codex-ts/protocol).

export const ReviewStartResponseSchema = z.object({
  turn: TurnSchema,
  reviewThreadId: z.string(),
});

/** Compile-time proof that the schema and the TypeScript type describe the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ReviewWireTypeChecks = [
  Assert<Same<z.output<typeof ReviewStartResponseSchema>, ReviewStartResponse>>,
];
