import type { RenderOptions } from 'ink';

/**
 * Ink's own frame throttle, set out of the way: the chat paces streamed output into frames
 * itself (session/frame-clock.ts), so what is left to draw is a tick's frame, a key press or the
 * spinner, and each should reach the terminal at once (a throttled key echo would wait up to a
 * whole frame). 1 ms still merges updates made in the same moment.
 */
const MAX_FPS = 1000;

/** How the TUI renders with Ink: inline (no alternate screen), incremental, keys handled by us. */
export function inkRenderOptions(
  io: Pick<RenderOptions, 'stdout' | 'stdin' | 'stderr' | 'patchConsole' | 'onRender'>,
): RenderOptions {
  return {
    ...io,
    exitOnCtrlC: false,
    interactive: true,
    incrementalRendering: true,
    maxFps: MAX_FPS,
  };
}
