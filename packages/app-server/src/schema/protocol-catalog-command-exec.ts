import {
  CommandExecResizeParamsSchema,
  CommandExecTerminateParamsSchema,
  CommandExecWriteParamsSchema,
} from '@codex-ts/protocol';
import type { z } from 'zod';
import type { ClientRequestEntry, NotificationEntry, WireType } from './protocol-catalog.js';
import {
  CommandExecEmptyResponseSchema,
  CommandExecOutputDeltaNotificationSchema,
  CommandExecOutputStreamSchema,
} from './wire-command-exec.js';

// The follow-up requests and the notification of `command/exec` in the protocol catalog (the
// `command/exec` request itself is listed with the other requests).

function v2(name: string, schema: z.ZodType): WireType {
  return { name, schema: schema.clone(), namespace: 'v2' };
}

function request(method: string, params: string, schema: z.ZodType, response: string) {
  return {
    method,
    params: v2(params, schema),
    response: v2(response, CommandExecEmptyResponseSchema),
  } satisfies ClientRequestEntry;
}

/** `command/exec/write`, `command/exec/resize` and `command/exec/terminate`. */
export function commandExecControlRequests(): ClientRequestEntry[] {
  return [
    request(
      'command/exec/write',
      'CommandExecWriteParams',
      CommandExecWriteParamsSchema,
      'CommandExecWriteResponse',
    ),
    request(
      'command/exec/terminate',
      'CommandExecTerminateParams',
      CommandExecTerminateParamsSchema,
      'CommandExecTerminateResponse',
    ),
    request(
      'command/exec/resize',
      'CommandExecResizeParams',
      CommandExecResizeParamsSchema,
      'CommandExecResizeResponse',
    ),
  ];
}

export function commandExecNotifications(): NotificationEntry[] {
  return [
    {
      method: 'command/exec/outputDelta',
      params: v2('CommandExecOutputDeltaNotification', CommandExecOutputDeltaNotificationSchema),
    },
  ];
}

/** Named parts of these messages. */
export function commandExecHelpers(): WireType[] {
  return [
    { name: 'CommandExecOutputStream', schema: CommandExecOutputStreamSchema, namespace: 'v2' },
  ];
}
