import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { handleTranscriptOverlayKey, initialTranscriptOverlayState } from './transcript-overlay.js';
import { TranscriptOverlayView } from './transcript-overlay-view.js';
import { key, typeText, widestLine } from './test-helpers.js';

const lines = [
  '› Explain the parser',
  '',
  '• The parser reads tokens one at a time and builds the syntax tree from the bottom up, reporting the first error it meets.',
  '',
  '• Ran npm test',
  '  └ 42 passed',
  ...Array.from({ length: 20 }, (_, i) => `  detail line ${i + 1}`),
];

describe.each([80, 40])('TranscriptOverlayView at %i columns', (width) => {
  it('top of the transcript', () => {
    const state = handleTranscriptOverlayKey(
      initialTranscriptOverlayState(lines, 8),
      key.home,
    ).state;
    const { lastFrame } = render(
      <TranscriptOverlayView state={state} width={width} color={false} />,
    );
    expect(widestLine(lastFrame())).toBeLessThanOrEqual(width);
    expect((lastFrame() ?? '').split('\n')).toHaveLength(8 + 3);
    expect(lastFrame()).toMatchSnapshot();
  });

  it('searching', () => {
    let state = initialTranscriptOverlayState(lines, 6);
    state = typeText(
      handleTranscriptOverlayKey(state, key.char('/')).state,
      'passed',
      handleTranscriptOverlayKey,
    );
    const typing = render(<TranscriptOverlayView state={state} width={width} color={false} />);
    expect(typing.lastFrame()).toContain('/passed');
    state = handleTranscriptOverlayKey(state, key.enter).state;
    const { lastFrame } = render(
      <TranscriptOverlayView state={state} width={width} color={false} />,
    );
    expect(widestLine(lastFrame())).toBeLessThanOrEqual(width);
    expect(lastFrame()).toMatchSnapshot();
  });
});

it('highlights matches in colour', () => {
  let state = initialTranscriptOverlayState(lines, 30);
  state = typeText(
    handleTranscriptOverlayKey(state, key.char('/')).state,
    'detail',
    handleTranscriptOverlayKey,
  );
  state = handleTranscriptOverlayKey(state, key.enter).state;
  const { lastFrame } = render(<TranscriptOverlayView state={state} width={80} color />);
  expect(lastFrame()).toContain('\u001b[43m');
  expect(lastFrame()).toContain('\u001b[7m');
});
