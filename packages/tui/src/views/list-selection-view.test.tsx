import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import {
  handleListSelectionKey,
  initialListSelectionState,
  type SelectionItem,
} from './list-selection.js';
import { ListSelectionView } from './list-selection-view.js';
import { key, typeText, widestLine } from './test-helpers.js';

const items: SelectionItem<string>[] = [
  {
    label: 'Read Only',
    description: 'Codex can read files in the workspace. Approval is needed to edit or run.',
    value: 'ro',
  },
  {
    label: 'Auto',
    description: 'Codex can read, edit and run commands in the workspace.',
    value: 'auto',
    current: true,
  },
  { label: 'Locked', description: 'Not available here', value: 'locked', disabled: true },
  {
    label: 'Full Access',
    description: 'No sandbox and no approvals. Use with care.',
    value: 'full',
  },
];

describe.each([80, 40])('ListSelectionView at %i columns', (width) => {
  it('renders title, subtitle, rows and footer', () => {
    const state = initialListSelectionState({
      title: 'Select Approval Mode',
      subtitle: 'Switch what Codex may do without asking',
      items,
    });
    const { lastFrame } = render(<ListSelectionView state={state} width={width} color={false} />);
    expect(widestLine(lastFrame())).toBeLessThanOrEqual(width);
    expect(lastFrame()).toMatchSnapshot();
  });

  it('renders a search box and a scrolled window', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      label: `option-${i + 1}`,
      description: i % 3 === 0 ? `description of option ${i + 1}` : undefined,
      value: i,
    }));
    let state = initialListSelectionState({
      title: 'Pick one',
      items: many,
      searchable: true,
      maxRows: 5,
    });
    state = typeText(state, 'option-1', handleListSelectionKey);
    state = handleListSelectionKey(state, key.down).state;
    const { lastFrame } = render(<ListSelectionView state={state} width={width} color={false} />);
    expect(widestLine(lastFrame())).toBeLessThanOrEqual(width);
    expect(lastFrame()).toMatchSnapshot();
  });

  it('says when nothing matches', () => {
    const state = typeText(
      initialListSelectionState({ title: 'Pick one', items, searchable: true }),
      'nothing',
      handleListSelectionKey,
    );
    const { lastFrame } = render(<ListSelectionView state={state} width={width} color={false} />);
    expect(lastFrame()).toContain('No matches');
  });
});

it('uses colour when asked', () => {
  const state = initialListSelectionState({ title: 'T', items });
  const { lastFrame } = render(<ListSelectionView state={state} width={80} color />);
  expect(lastFrame()).toContain('\u001b[36m');
});
