import { ThreadRevertParamsSchema } from '@codex-ts/protocol';
import * as z from 'zod';
import type { ClientRequestEntry } from './protocol-catalog.js';
import { ThreadSchema } from './wire-thread.js';

// The `thread/revert` part of the protocol catalog (its notification, `thread/reverted`, is in
// NOTIFICATION_SCHEMAS).

/** `thread` has `turns: []`; the paging cursors are always null here (no `thread/turns/list`). */
const ThreadRevertResponseSchema = z.object({
  thread: ThreadSchema,
  turnsBackwardsCursor: z.string().nullish(),
  itemsBackwardsCursor: z.string().nullish(),
});

export function threadRevertRequests(): ClientRequestEntry[] {
  return [
    {
      method: 'thread/revert',
      params: {
        name: 'ThreadRevertParams',
        schema: ThreadRevertParamsSchema.clone(),
        namespace: 'v2',
      },
      response: {
        name: 'ThreadRevertResponse',
        schema: ThreadRevertResponseSchema.clone(),
        namespace: 'v2',
      },
    },
  ];
}
