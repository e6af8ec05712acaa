import type { CommandExecProcess } from '@codex-ts/core';
import { InvalidRequestError } from '../errors/rpc-errors.js';

/** One `command/exec` of a connection, from the request until its response. */
interface Entry {
  /** The process once it runs; null when it could not start. */
  readonly ready: Promise<CommandExecProcess | null>;
  settle(process: CommandExecProcess | null): void;
}

/** A `command/exec` that has been admitted; tell it when the process runs and when it is over. */
export interface CommandExecSlot {
  /** The process started; it is killed at once when the connection closed meanwhile. */
  attach(process: CommandExecProcess): void;
  /** The process could not start; the slot is free again. */
  fail(): void;
  /** The command is over (its response is going out); the slot is free again. */
  finish(): void;
}

/**
 * The `command/exec` processes of one connection, by the client's `processId` (commands without
 * one are kept too, under no name), so that `command/exec/write|resize|terminate` find them
 * and closing the connection kills them all (their process groups), as the Rust server does.
 */
export class CommandExecProcesses {
  private readonly named = new Map<string, Entry>();
  private readonly unnamed = new Set<Entry>();
  private closed = false;

  /**
   * Admits a command; call synchronously on receipt so a `command/exec/write` sent right after
   * the request finds it (it waits until the process runs). Throws for an id that is in use.
   */
  admit(processId: string | null): CommandExecSlot {
    if (processId !== null && this.named.has(processId)) {
      throw new InvalidRequestError(
        `command/exec: duplicate active command/exec process id: ${JSON.stringify(processId)}`,
      );
    }
    const entry = newEntry();
    if (processId === null) this.unnamed.add(entry);
    else this.named.set(processId, entry);
    const remove = (): void => {
      if (processId === null) this.unnamed.delete(entry);
      else if (this.named.get(processId) === entry) this.named.delete(processId);
    };
    return {
      attach: (process) => {
        entry.settle(process);
        if (this.closed) process.terminate();
      },
      fail: () => {
        entry.settle(null);
        remove();
      },
      finish: remove,
    };
  }

  /**
   * The running process of `processId`, once it runs. Throws naming `method` when no command
   * of this connection has that id, or when it could not start.
   */
  async find(method: string, processId: string): Promise<CommandExecProcess> {
    const entry = this.named.get(processId);
    const process = entry ? await entry.ready : null;
    if (!process) {
      throw new InvalidRequestError(
        `${method}: no active command/exec for process id ${JSON.stringify(processId)}`,
      );
    }
    return process;
  }

  /** The connection is gone: kills every process it started, now or once it runs. */
  closeAll(): void {
    this.closed = true;
    for (const entry of [...this.named.values(), ...this.unnamed]) {
      void entry.ready.then((process) => process?.terminate());
    }
    this.named.clear();
    this.unnamed.clear();
  }
}

function newEntry(): Entry {
  let resolve: (process: CommandExecProcess | null) => void = () => {};
  const ready = new Promise<CommandExecProcess | null>((r) => {
    resolve = r;
  });
  return { ready, settle: (process) => resolve(process) };
}
