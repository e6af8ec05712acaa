export type ShutdownSignal = 'SIGINT' | 'SIGTERM';

/** Something that emits process signals (`process`, or an EventEmitter in tests). */
export interface SignalSource {
  on(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
}

export interface ShutdownSignals {
  /** The first SIGINT or SIGTERM. */
  readonly first: Promise<ShutdownSignal>;
  /** The second one (a forced shutdown). */
  readonly second: Promise<ShutdownSignal>;
  /** Removes the listeners. */
  dispose(): void;
}

const SIGNALS: readonly ShutdownSignal[] = ['SIGINT', 'SIGTERM'];

/** Listens for SIGINT/SIGTERM; `onSignal` runs for each with its running count. */
export function waitForShutdownSignals(
  source: SignalSource,
  onSignal: (count: number, signal: ShutdownSignal) => void,
): ShutdownSignals {
  let count = 0;
  let resolveFirst: (signal: ShutdownSignal) => void = () => {};
  let resolveSecond: (signal: ShutdownSignal) => void = () => {};
  const first = new Promise<ShutdownSignal>((resolve) => {
    resolveFirst = resolve;
  });
  const second = new Promise<ShutdownSignal>((resolve) => {
    resolveSecond = resolve;
  });
  const listeners = SIGNALS.map((signal) => {
    const listener = (): void => {
      count += 1;
      onSignal(count, signal);
      if (count === 1) resolveFirst(signal);
      else resolveSecond(signal);
    };
    source.on(signal, listener);
    return { signal, listener };
  });
  return {
    first,
    second,
    dispose() {
      for (const { signal, listener } of listeners) source.off(signal, listener);
    },
  };
}
