import type {
  CommandExecOutputDeltaNotification,
  CommandExecResponse,
  CommandExecutionRequestApprovalParams,
  FileChangeRequestApprovalParams,
  InitializeResponse,
  ServerNotificationMap,
  Thread,
  ThreadListResponse,
  ThreadReadResponse,
  ThreadStartResponse,
  ThreadUnarchiveResponse,
  Turn,
  TurnStartResponse,
} from '@codex-ts/protocol';
import type { z } from 'zod';
import type { ModelListResponse } from '../processor/handlers/model-list-schema.js';
import type {
  CommandExecOutputDeltaNotificationSchema,
  CommandExecResponseSchema,
} from './wire-command-exec.js';
import type { ModelListResponseSchema } from './wire-model-list.js';
import type { NOTIFICATION_SCHEMAS } from './wire-notifications.js';
import type {
  CommandExecutionRequestApprovalParamsSchema,
  FileChangeRequestApprovalParamsSchema,
} from './wire-server-requests.js';
import type {
  InitializeResponseSchema,
  ThreadListResponseSchema,
  ThreadReadResponseSchema,
  ThreadSchema,
  ThreadStartResponseSchema,
  ThreadUnarchiveResponseSchema,
  TurnSchema,
  TurnStartResponseSchema,
} from './wire-thread.js';

// Compile-time proof that the zod schemas the JSON Schema is generated from describe exactly
// the TypeScript types the server sends: a field added to one side only fails `tsc`.

/** Both types accept the same values (each assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Every value of A is a value of B. */
type Within<A, B> = [A] extends [B] ? true : false;
type Assert<T extends true> = T;
type Out<S extends z.ZodType> = z.output<S>;

type NotificationParams<M extends keyof typeof NOTIFICATION_SCHEMAS> = Out<
  (typeof NOTIFICATION_SCHEMAS)[M][1]
>;

/**
 * Every notification schema has the shape of the `ServerNotificationMap` entry of its method.
 * (A notification without a schema is caught by the conformance test, not here.)
 */
type NotificationChecks = {
  [M in keyof typeof NOTIFICATION_SCHEMAS]: M extends keyof ServerNotificationMap
    ? Same<NotificationParams<M>, ServerNotificationMap[M]>
    : false;
};

export type WireTypeChecks = [
  Assert<Same<Out<typeof ThreadSchema>, Thread>>,
  Assert<Same<Out<typeof TurnSchema>, Turn>>,
  Assert<Same<Out<typeof InitializeResponseSchema>, InitializeResponse>>,
  // The shared `SandboxPolicy` also has the `externalSandbox` variant clients may send.
  Assert<Within<ThreadStartResponse, Out<typeof ThreadStartResponseSchema>>>,
  Assert<Same<Out<typeof ThreadReadResponseSchema>, ThreadReadResponse>>,
  Assert<Same<Out<typeof ThreadUnarchiveResponseSchema>, ThreadUnarchiveResponse>>,
  Assert<Same<Out<typeof ThreadListResponseSchema>, ThreadListResponse>>,
  Assert<Same<Out<typeof TurnStartResponseSchema>, TurnStartResponse>>,
  Assert<Same<Out<typeof ModelListResponseSchema>, ModelListResponse>>,
  Assert<Same<Out<typeof CommandExecResponseSchema>, CommandExecResponse>>,
  Assert<
    Same<Out<typeof CommandExecOutputDeltaNotificationSchema>, CommandExecOutputDeltaNotification>
  >,
  Assert<
    Same<
      Out<typeof CommandExecutionRequestApprovalParamsSchema>,
      CommandExecutionRequestApprovalParams
    >
  >,
  Assert<Same<Out<typeof FileChangeRequestApprovalParamsSchema>, FileChangeRequestApprovalParams>>,
  Assert<NotificationChecks[keyof NotificationChecks]>,
];
