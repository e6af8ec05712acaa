import * as z from 'zod';
import './zod-config.js';
import type { Turn } from './v2.js';

/**
 * What `review/start` reviews (v2 `ReviewTarget`, tagged by `type`): the working tree, the
 * changes against a base branch, one commit, or free-form instructions.
 */
export const ReviewTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('uncommittedChanges') }),
  z.object({ type: z.literal('baseBranch'), branch: z.string() }),
  z.object({
    type: z.literal('commit'),
    sha: z.string(),
    /** Optional label (the commit subject) shown in the review hint. */
    title: z.string().nullish(),
  }),
  z.object({ type: z.literal('custom'), instructions: z.string() }),
]);
export type ReviewTarget = z.infer<typeof ReviewTargetSchema>;

/** Where the review runs: only `inline` (on the given thread) exists. */
export const ReviewDeliverySchema = z.enum(['inline']);
export type ReviewDelivery = z.infer<typeof ReviewDeliverySchema>;

export const ReviewStartParamsSchema = z
  .object({
    threadId: z.string(),
    target: ReviewTargetSchema,
    delivery: ReviewDeliverySchema.nullish(),
  })
  .loose();
export type ReviewStartParams = z.infer<typeof ReviewStartParamsSchema>;

/** `review/start` answers the review turn (in progress) and the thread it runs on. */
export interface ReviewStartResponse {
  turn: Turn;
  /** The thread id given to `review/start` (reviews run inline). */
  reviewThreadId: string;
}

/**
 * The short name of a (trimmed) target the user sees while it is reviewed: `current changes`,
 * `changes against 'main'`, `commit 1234567: <title>` (7 characters of the sha) or the custom
 * instructions. The `enteredReviewMode` item carries it.
 */
export function reviewTargetHint(target: ReviewTarget): string {
  switch (target.type) {
    case 'uncommittedChanges':
      return 'current changes';
    case 'baseBranch':
      return `changes against '${target.branch}'`;
    case 'commit': {
      const short = Array.from(target.sha).slice(0, 7).join('');
      return target.title ? `commit ${short}: ${target.title}` : `commit ${short}`;
    }
    case 'custom':
      return target.instructions.trim();
  }
}
