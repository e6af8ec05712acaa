import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { HOME, SAMPLES } from '../cells/cell-samples.js';
import type { ChatSnapshot } from '../session/chat-store.js';
import { LiveArea } from './live-area.js';

function snapshotOf(cell: (typeof SAMPLES)[number][1]): ChatSnapshot {
  return {
    session: null,
    turn: null,
    statusHeader: 'Working',
    live: [{ id: 'item_1', cell }],
    streamTail: [],
    tokenUsage: null,
  };
}

// Every cell kind as the live area draws it through Ink (the test renderer), at fixed widths.
describe.each([80, 40])('live area at %i columns', (width) => {
  it.each(SAMPLES)('%s', (_name, cell) => {
    const { lastFrame, unmount } = render(
      <LiveArea chat={snapshotOf(cell)} ctx={{ width, color: false, homeDir: HOME }} />,
    );
    const frame = lastFrame() ?? '';
    unmount();
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    expect(frame).toMatchSnapshot();
  });
});
