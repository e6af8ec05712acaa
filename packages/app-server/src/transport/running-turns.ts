import type { CodexThreadApi } from '@codex-ts/core';
import type { ThreadManagerLike } from '../processor/processor-types.js';

/** Methods of the thread manager that hand out live threads. */
const LIVE_THREAD_METHODS = new Set<string | symbol>(['startThread', 'resumeThread', 'forkThread']);

/**
 * Watches the live threads a thread manager hands out so a server can tell how many turns are
 * running, for the graceful drain after a shutdown signal (the Rust server waits for running
 * assistant turns before it disconnects clients).
 */
export class RunningTurns {
  private readonly threads = new Map<string, CodexThreadApi>();
  private waiters: Array<() => void> = [];

  /**
   * The manager as the processor should see it: the same object, except that the threads its
   * start/resume/fork methods return are watched. Everything else passes through untouched.
   */
  watch(manager: ThreadManagerLike): ThreadManagerLike {
    return new Proxy(manager, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') {
          return value;
        }
        const method = value as (...args: unknown[]) => unknown;
        if (!LIVE_THREAD_METHODS.has(property)) {
          return method.bind(target);
        }
        return async (...args: unknown[]) => {
          const thread = (await method.apply(target, args)) as CodexThreadApi;
          this.track(thread);
          return thread;
        };
      },
    });
  }

  /** Turns in progress across the watched threads. */
  count(): number {
    let running = 0;
    for (const thread of this.threads.values()) {
      if (thread.activeTurnId() !== null) running += 1;
    }
    return running;
  }

  /** Resolves once no watched thread runs a turn. */
  whenIdle(): Promise<void> {
    if (this.count() === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private track(thread: CodexThreadApi): void {
    if (this.threads.has(thread.id)) {
      return;
    }
    this.threads.set(thread.id, thread);
    thread.subscribe((event) => {
      if (event.method === 'turn/completed') {
        // The thread clears its active turn right around this event; look again afterwards.
        setImmediate(() => this.check());
      }
    });
  }

  private check(): void {
    if (this.waiters.length === 0 || this.count() > 0) {
      return;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
