import type { z } from 'zod';
import type {
  ListMcpServerStatusParamsSchema,
  ListMcpServerStatusResponse,
} from '@codex-ts/protocol';
import type {
  InitializeParamsSchema,
  InitializeResponse,
  ThreadStartParamsSchema,
  ThreadStartResponse,
  TurnInterruptParamsSchema,
  TurnStartParamsSchema,
  TurnStartResponse,
  ThreadResumeParamsSchema,
  ThreadResumeResponse,
  ThreadForkParamsSchema,
  ThreadForkResponse,
  ThreadReadParamsSchema,
  ThreadReadResponse,
  ThreadListParamsSchema,
  ThreadListResponse,
  ThreadArchiveParamsSchema,
  ThreadArchiveResponse,
  ThreadUnarchiveParamsSchema,
  ThreadUnarchiveResponse,
  ThreadDeleteParamsSchema,
  ThreadDeleteResponse,
  ThreadSetNameParamsSchema,
  ThreadSetNameResponse,
} from '@codex-ts/protocol';
import type {
  CommandExecParamsSchema,
  CommandExecResizeParamsSchema,
  CommandExecResizeResponse,
  CommandExecResponse,
  CommandExecTerminateParamsSchema,
  CommandExecTerminateResponse,
  CommandExecWriteParamsSchema,
  CommandExecWriteResponse,
} from '@codex-ts/protocol';
import type {
  CancelLoginAccountParamsSchema,
  CancelLoginAccountResponse,
  ConfigBatchWriteParamsSchema,
  ConfigReadParamsSchema,
  ConfigReadResponse,
  ConfigValueWriteParamsSchema,
  ConfigWriteResponse,
  FuzzyFileSearchParamsSchema,
  FuzzyFileSearchResponse,
  GetAccountParamsSchema,
  GetAccountResponse,
  LoginAccountParamsSchema,
  LoginAccountResponse,
  LogoutAccountResponse,
  TurnSteerParamsSchema,
  TurnSteerResponse,
} from '@codex-ts/protocol';
import type { ReviewStartParamsSchema, ReviewStartResponse } from '@codex-ts/protocol';
import type { ThreadRevertParamsSchema, ThreadRevertResponse } from '@codex-ts/protocol';
import type {
  ModelListParamsSchema,
  ModelListResponse,
} from '../processor/handlers/model-list-schema.js';

/** `turn/interrupt` answers with an empty object once the turn has stopped. */
export type TurnInterruptResponse = Record<string, never>;

/**
 * Client request method -> params (what a client may send: zod input, defaults optional) and
 * result. The one table both the processor and `AppServerClient.request` are typed from.
 */
export interface ClientRequestMap {
  initialize: { params: z.input<typeof InitializeParamsSchema>; result: InitializeResponse };
  'thread/start': { params: z.input<typeof ThreadStartParamsSchema>; result: ThreadStartResponse };
  'turn/start': { params: z.input<typeof TurnStartParamsSchema>; result: TurnStartResponse };
  'turn/interrupt': {
    params: z.input<typeof TurnInterruptParamsSchema>;
    result: TurnInterruptResponse;
  };
  'model/list': { params: z.input<typeof ModelListParamsSchema>; result: ModelListResponse };
  'thread/resume': {
    params: z.input<typeof ThreadResumeParamsSchema>;
    result: ThreadResumeResponse;
  };
  'thread/fork': { params: z.input<typeof ThreadForkParamsSchema>; result: ThreadForkResponse };
  'thread/read': { params: z.input<typeof ThreadReadParamsSchema>; result: ThreadReadResponse };
  'thread/list': { params: z.input<typeof ThreadListParamsSchema>; result: ThreadListResponse };
  'thread/archive': {
    params: z.input<typeof ThreadArchiveParamsSchema>;
    result: ThreadArchiveResponse;
  };
  'thread/unarchive': {
    params: z.input<typeof ThreadUnarchiveParamsSchema>;
    result: ThreadUnarchiveResponse;
  };
  'thread/delete': {
    params: z.input<typeof ThreadDeleteParamsSchema>;
    result: ThreadDeleteResponse;
  };
  'thread/name/set': {
    params: z.input<typeof ThreadSetNameParamsSchema>;
    result: ThreadSetNameResponse;
  };
  'command/exec': {
    params: z.input<typeof CommandExecParamsSchema>;
    result: CommandExecResponse;
  };
  'command/exec/write': {
    params: z.input<typeof CommandExecWriteParamsSchema>;
    result: CommandExecWriteResponse;
  };
  'command/exec/resize': {
    params: z.input<typeof CommandExecResizeParamsSchema>;
    result: CommandExecResizeResponse;
  };
  'command/exec/terminate': {
    params: z.input<typeof CommandExecTerminateParamsSchema>;
    result: CommandExecTerminateResponse;
  };
  'account/read': { params: z.input<typeof GetAccountParamsSchema>; result: GetAccountResponse };
  'account/login/start': {
    params: z.input<typeof LoginAccountParamsSchema>;
    result: LoginAccountResponse;
  };
  'account/login/cancel': {
    params: z.input<typeof CancelLoginAccountParamsSchema>;
    result: CancelLoginAccountResponse;
  };
  'account/logout': { params: Record<string, never> | null; result: LogoutAccountResponse };
  'config/read': { params: z.input<typeof ConfigReadParamsSchema>; result: ConfigReadResponse };
  'config/value/write': {
    params: z.input<typeof ConfigValueWriteParamsSchema>;
    result: ConfigWriteResponse;
  };
  'config/batchWrite': {
    params: z.input<typeof ConfigBatchWriteParamsSchema>;
    result: ConfigWriteResponse;
  };
  'turn/steer': { params: z.input<typeof TurnSteerParamsSchema>; result: TurnSteerResponse };
  fuzzyFileSearch: {
    params: z.input<typeof FuzzyFileSearchParamsSchema>;
    result: FuzzyFileSearchResponse;
  };
  'review/start': {
    params: z.input<typeof ReviewStartParamsSchema>;
    result: ReviewStartResponse;
  };
  'mcpServerStatus/list': {
    params: z.input<typeof ListMcpServerStatusParamsSchema>;
    result: ListMcpServerStatusResponse;
  };
  'thread/revert': {
    params: z.input<typeof ThreadRevertParamsSchema>;
    result: ThreadRevertResponse;
  };
}

export type ClientRequestMethod = keyof ClientRequestMap;
export type ClientRequestParams<M extends ClientRequestMethod> = ClientRequestMap[M]['params'];
export type ClientRequestResult<M extends ClientRequestMethod> = ClientRequestMap[M]['result'];
