import { describe, expect, it } from 'vitest';
import {
  handleResumePickerKey,
  handleResumePickerPaste,
  initialResumePickerState,
  resumePickerLoadFailed,
  resumePickerPageLoaded,
  resumePickerRequest,
  visibleThreads,
  type ResumePickerState,
} from './resume-picker.js';
import { relativeTime } from './resume-picker-render.js';
import { NOW, sampleThreads, thread } from './resume-fixtures.js';
import { key, typeText } from './test-helpers.js';

function loaded(
  state: ResumePickerState,
  threads = sampleThreads,
  nextCursor: string | null = null,
): ResumePickerState {
  return resumePickerPageLoaded(state, { requestId: state.requestId, threads, nextCursor });
}

describe('resume picker state', () => {
  const start = initialResumePickerState({ cwd: '/home/me/project' });

  it('asks for this folder first, all folders with showAll or no cwd', () => {
    expect(resumePickerRequest(start)).toEqual({
      type: 'load',
      requestId: 1,
      searchTerm: null,
      cwd: '/home/me/project',
      cursor: null,
    });
    expect(
      resumePickerRequest(initialResumePickerState({ cwd: '/x', showAll: true })).cwd,
    ).toBeNull();
    expect(initialResumePickerState({ cwd: null }).scope).toBe('all');
  });

  it('Enter resumes the selected thread, Esc cancels', () => {
    const s = handleResumePickerKey(loaded(start), key.down).state;
    expect(handleResumePickerKey(s, key.enter).effect).toEqual({ type: 'resume', threadId: 't2' });
    expect(handleResumePickerKey(s, key.esc).effect).toEqual({ type: 'cancel' });
    expect(handleResumePickerKey(start, key.enter).effect).toBeUndefined();
  });

  it('typing filters locally and asks for a new query; stale pages are ignored', () => {
    let s = loaded(start);
    const r = handleResumePickerKey(s, key.char('R'));
    expect(r.effect).toEqual({
      type: 'load',
      requestId: 2,
      searchTerm: 'R',
      cwd: '/home/me/project',
      cursor: null,
    });
    s = typeText(r.state, 'EADME', handleResumePickerKey);
    expect(visibleThreads(s).map((t) => t.id)).toEqual(['t2']);
    expect(s.requestId).toBe(7);
    const stale = resumePickerPageLoaded(s, {
      requestId: 3,
      threads: [thread('x')],
      nextCursor: null,
    });
    expect(stale).toBe(s);
    s = resumePickerPageLoaded(s, { requestId: 7, threads: [sampleThreads[1]!], nextCursor: null });
    expect(s.loading).toBe(false);
    expect(s.rows.map((t) => t.id)).toEqual(['t2']);
    expect(handleResumePickerPaste(s, 'x').effect).toMatchObject({ searchTerm: 'READMEx' });
    expect(handleResumePickerKey(s, key.backspace).effect).toMatchObject({ searchTerm: 'READM' });
    expect(handleResumePickerKey(s, key.left).effect).toBeUndefined();
  });

  it('Tab toggles this folder / all folders', () => {
    const r = handleResumePickerKey(loaded(start), key.tab);
    expect(r.state.scope).toBe('all');
    expect(r.state.rows).toEqual([]);
    expect(r.effect).toMatchObject({ type: 'load', cwd: null, cursor: null });
    expect(handleResumePickerKey(r.state, key.tab).effect).toMatchObject({
      cwd: '/home/me/project',
    });
    expect(
      handleResumePickerKey(initialResumePickerState({ cwd: null }), key.tab).effect,
    ).toBeUndefined();
  });

  it('moving near the end asks for the next page and appends it', () => {
    const many = Array.from({ length: 12 }, (_, i) => thread(`p${i}`));
    let s = loaded(initialResumePickerState({ cwd: '/p', maxRows: 5 }), many, 'cursor-2');
    const r = handleResumePickerKey(s, key.pageDown);
    expect(r.state.selected).toBe(5);
    expect(r.effect).toBeUndefined();
    const r2 = handleResumePickerKey(r.state, key.pageDown);
    expect(r2.effect).toEqual({
      type: 'load',
      requestId: 2,
      searchTerm: null,
      cwd: '/p',
      cursor: 'cursor-2',
    });
    s = r2.state;
    expect(handleResumePickerKey(s, key.down).effect).toBeUndefined();
    s = resumePickerPageLoaded(s, {
      requestId: 2,
      threads: [thread('p11'), thread('q1'), thread('q2')],
      nextCursor: null,
    });
    expect(s.rows.map((t) => t.id).slice(-3)).toEqual(['p11', 'q1', 'q2']);
    expect(s.selected).toBe(10);
    expect(handleResumePickerKey(s, key.pageDown).effect).toBeUndefined();
  });

  it('a failed load is shown and stops loading', () => {
    const s = resumePickerLoadFailed(start, 1, 'boom');
    expect(s).toMatchObject({ loading: false, error: 'boom' });
    expect(resumePickerLoadFailed(start, 9, 'late')).toBe(start);
  });

  it('leaves other keys to the App', () => {
    expect(handleResumePickerKey(start, key.ctrl('c')).handled).toBe(false);
  });
});

describe('relativeTime', () => {
  it.each([
    [NOW - 5_000, 'just now'],
    [NOW - 5 * 60_000, '5m ago'],
    [NOW - 3 * 3600_000, '3h ago'],
    [NOW - 2 * 86400_000, '2d ago'],
    [NOW + 60_000, 'just now'],
  ])('%i -> %s', (ms, text) => {
    expect(relativeTime(Math.floor(ms / 1000), NOW)).toBe(text);
  });
});
