import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { handleModelPickerKey, initialModelPickerState } from './model-picker.js';
import { sampleModels } from './model-fixtures.js';
import { ModelPickerView } from './model-picker-view.js';
import { key, widestLine } from './test-helpers.js';

describe.each([80, 40])('ModelPickerView at %i columns', (width) => {
  const state = initialModelPickerState({
    models: sampleModels,
    currentModel: 'gpt-5.1',
    currentEffort: 'high',
  });

  it('step 1: models', () => {
    const { lastFrame } = render(<ModelPickerView state={state} width={width} color={false} />);
    expect(widestLine(lastFrame())).toBeLessThanOrEqual(width);
    expect(lastFrame()).toMatchSnapshot();
  });

  it('step 2: reasoning efforts', () => {
    const next = handleModelPickerKey(state, key.enter).state;
    const { lastFrame } = render(<ModelPickerView state={next} width={width} color={false} />);
    expect(widestLine(lastFrame())).toBeLessThanOrEqual(width);
    expect(lastFrame()).toMatchSnapshot();
  });
});
