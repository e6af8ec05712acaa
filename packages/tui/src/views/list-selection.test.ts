import { describe, expect, it } from 'vitest';
import {
  handleListSelectionKey,
  handleListSelectionPaste,
  initialListSelectionState,
  selectedItem,
  type ListSelectionState,
  type SelectionItem,
} from './list-selection.js';
import { key, typeText } from './test-helpers.js';

const items: SelectionItem<string>[] = [
  { label: 'Read Only', description: 'Read files only', value: 'ro' },
  { label: 'Auto', description: 'Edit and run in the workspace', value: 'auto', current: true },
  { label: 'Locked', value: 'locked', disabled: true },
  { label: 'Full Access', description: 'No sandbox', value: 'full' },
];

function press(
  state: ListSelectionState<string>,
  ...events: Parameters<typeof handleListSelectionKey>[1][]
) {
  let s = state;
  for (const e of events) s = handleListSelectionKey(s, e).state;
  return s;
}

describe('list selection state', () => {
  it('starts on the current item', () => {
    const s = initialListSelectionState({ title: 'T', items });
    expect(selectedItem(s)?.value).toBe('auto');
  });

  it('moves with arrows, Ctrl+P/N and j/k, skipping disabled rows and wrapping', () => {
    const s = initialListSelectionState({ title: 'T', items });
    expect(selectedItem(press(s, key.down))?.value).toBe('full');
    expect(selectedItem(press(s, key.down, key.down))?.value).toBe('ro');
    expect(selectedItem(press(s, key.ctrl('p')))?.value).toBe('ro');
    expect(selectedItem(press(s, key.ctrl('n')))?.value).toBe('full');
    expect(selectedItem(press(s, key.char('j')))?.value).toBe('full');
    expect(selectedItem(press(s, key.char('k'), key.char('k')))?.value).toBe('full');
  });

  it('Enter chooses the highlighted item, Esc cancels', () => {
    const s = initialListSelectionState({ title: 'T', items });
    const r = handleListSelectionKey(s, key.enter);
    expect(r.effect).toEqual({ type: 'choose', index: 1, item: items[1] });
    expect(handleListSelectionKey(s, key.esc).effect).toEqual({ type: 'cancel' });
  });

  it('digits choose directly, but not a disabled item', () => {
    const s = initialListSelectionState({ title: 'T', items });
    expect(handleListSelectionKey(s, key.char('4')).effect).toMatchObject({ index: 3 });
    const r = handleListSelectionKey(s, key.char('3'));
    expect(r.handled).toBe(true);
    expect(r.effect).toBeUndefined();
    expect(handleListSelectionKey(s, key.char('9')).handled).toBe(false);
  });

  it('reports keys it does not use', () => {
    const s = initialListSelectionState({ title: 'T', items });
    expect(handleListSelectionKey(s, key.ctrl('c')).handled).toBe(false);
    expect(handleListSelectionKey(s, key.char('x')).handled).toBe(false);
  });

  it('scrolls a window of maxRows rows', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      label: `item ${i + 1}`,
      value: String(i),
    }));
    let s = initialListSelectionState({ title: 'T', items: many, maxRows: 5 });
    s = press(s, ...Array.from({ length: 7 }, () => key.down));
    expect(s.selected).toBe(7);
    expect(s.scrollTop).toBe(3);
    s = press(s, key.pageDown);
    expect(s.selected).toBe(12);
    s = press(s, key.up, key.pageUp, key.pageUp, key.pageUp);
    expect(s.selected).toBe(0);
    expect(s.scrollTop).toBe(0);
    s = press(s, key.up);
    expect(s.selected).toBe(19);
    expect(s.scrollTop).toBe(15);
  });

  it('filters as you type when searchable; letters and digits are typed', () => {
    let s = initialListSelectionState({ title: 'T', items, searchable: true });
    s = typeText(s, 'ful', handleListSelectionKey);
    expect(s.visible).toEqual([3]);
    expect(selectedItem(s)?.value).toBe('full');
    s = press(s, key.backspace, key.backspace, key.backspace);
    expect(s.visible).toEqual([0, 1, 2, 3]);
    expect(selectedItem(s)?.value).toBe('full');
    s = typeText(s, 'zzz', handleListSelectionKey);
    expect(s.visible).toEqual([]);
    expect(handleListSelectionKey(s, key.enter).effect).toBeUndefined();
    s = handleListSelectionPaste(
      initialListSelectionState({ title: 'T', items, searchable: true }),
      'AUTO',
    );
    expect(s.visible).toEqual([1]);
  });

  it('search matches the searchValue too', () => {
    const s = typeText(
      initialListSelectionState({
        title: 'T',
        searchable: true,
        items: [
          { label: 'a', value: 1, searchValue: 'alpha' },
          { label: 'b', value: 2, searchValue: 'beta' },
        ],
      }),
      'bet',
      handleListSelectionKey,
    );
    expect(s.visible).toEqual([1]);
  });
});
