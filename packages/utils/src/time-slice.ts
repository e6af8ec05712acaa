/**
 * Bounds how long a loop over buffered input runs without letting the event loop go on. A
 * long burst (a model's whole response arriving at once, a backlog of messages) is otherwise
 * handled in one go of promise callbacks, and timers, terminal input and I/O wait behind it.
 *
 *   const slice = new TimeSlice(4);
 *   for await (const item of source) {
 *     if (slice.due()) await slice.yield();
 *     handle(item);
 *   }
 *
 * A slice is wall time since the last break, waits included: a slow trickle of input takes a
 * break now and then that it did not need, which costs one `setImmediate` hop.
 */
export class TimeSlice {
  private start = performance.now();

  /** `ms`: how long the loop may run between breaks. */
  constructor(private readonly ms: number) {}

  /** Whether the loop has run for its slice and should take a break. */
  due(): boolean {
    return performance.now() - this.start > this.ms;
  }

  /** Lets timers, I/O and other callbacks run, then starts a new slice. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.start = performance.now();
  }
}
