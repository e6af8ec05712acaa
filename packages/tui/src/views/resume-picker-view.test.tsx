import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import {
  handleResumePickerKey,
  initialResumePickerState,
  resumePickerPageLoaded,
  type ResumePickerState,
} from './resume-picker.js';
import { ResumePickerView } from './resume-picker-view.js';
import { NOW, sampleThreads } from './resume-fixtures.js';
import { key, typeText, widestLine } from './test-helpers.js';

function frame(state: ResumePickerState, width: number): string {
  const { lastFrame } = render(
    <ResumePickerView state={state} width={width} color={false} nowMs={NOW} />,
  );
  const out = lastFrame() ?? '';
  expect(widestLine(out)).toBeLessThanOrEqual(width);
  return out;
}

describe.each([80, 40])('ResumePickerView at %i columns', (width) => {
  const start = initialResumePickerState({ cwd: '/home/me/project', startup: true });
  const withRows = resumePickerPageLoaded(start, {
    requestId: 1,
    threads: sampleThreads,
    nextCursor: null,
  });

  it('this folder', () => {
    expect(frame(withRows, width)).toMatchSnapshot();
  });

  it('all folders', () => {
    const all = handleResumePickerKey(withRows, key.tab).state;
    const loaded = resumePickerPageLoaded(all, {
      requestId: all.requestId,
      threads: sampleThreads,
      nextCursor: 'more',
    });
    expect(frame(handleResumePickerKey(loaded, key.down).state, width)).toMatchSnapshot();
  });

  it('loading, empty and no match', () => {
    expect(frame(start, width)).toContain('Loading…');
    const empty = resumePickerPageLoaded(start, { requestId: 1, threads: [], nextCursor: null });
    expect(frame(empty, width)).toContain('No sessions yet');
    const searched = typeText(empty, 'zzz', handleResumePickerKey);
    const none = resumePickerPageLoaded(searched, {
      requestId: searched.requestId,
      threads: [],
      nextCursor: null,
    });
    expect(frame(none, width)).toMatchSnapshot();
  });
});
