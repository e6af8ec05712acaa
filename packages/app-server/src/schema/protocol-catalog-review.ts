import {
  ReviewDeliverySchema,
  ReviewStartParamsSchema,
  ReviewTargetSchema,
} from '@codex-ts/protocol';
import type { ClientRequestEntry, WireType } from './protocol-catalog.js';
import { ReviewStartResponseSchema } from './wire-review.js';

// The `review/start` part of the protocol catalog.

export function reviewRequests(): ClientRequestEntry[] {
  return [
    {
      method: 'review/start',
      params: {
        name: 'ReviewStartParams',
        schema: ReviewStartParamsSchema.clone(),
        namespace: 'v2',
      },
      response: {
        name: 'ReviewStartResponse',
        schema: ReviewStartResponseSchema.clone(),
        namespace: 'v2',
      },
    },
  ];
}

/** Named parts of `review/start`'s messages. */
export function reviewHelpers(): WireType[] {
  return [
    { name: 'ReviewTarget', schema: ReviewTargetSchema, namespace: 'v2' },
    { name: 'ReviewDelivery', schema: ReviewDeliverySchema, namespace: 'v2' },
  ];
}
