import type {
  ServerNotificationMessage,
  ServerRequestMessage,
  ServerToClientMessage,
} from '@codex-ts/app-server';

/*
 * The same checks as the app-server package's `isServerNotificationMessage` /
 * `isServerRequestMessage`, kept here so that the client can sort messages without importing
 * the app server (and core) at run time: a remote-only front end never loads them.
 */

/** A notification: has a method and no id. */
export function isNotificationMessage(
  message: ServerToClientMessage,
): message is ServerNotificationMessage {
  return 'method' in message && !('id' in message);
}

/** A request from the server (approvals): has a method and an id. */
export function isServerRequest(message: ServerToClientMessage): message is ServerRequestMessage {
  return 'method' in message && 'id' in message;
}
