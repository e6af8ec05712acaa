import { describe, expect, it } from 'vitest';
import { handleModelPickerKey, initialModelPickerState } from './model-picker.js';
import { sampleModels } from './model-fixtures.js';
import { key } from './test-helpers.js';

describe('model picker state', () => {
  const base = initialModelPickerState({
    models: sampleModels,
    currentModel: 'gpt-5.1',
    currentEffort: 'high',
  });

  it('lists visible models with the current one selected', () => {
    expect(base.models.items.map((i) => i.label)).toEqual([
      'gpt-5.1-codex',
      'gpt-5.1',
      'gpt-5.1-codex-mini',
      'no-effort',
    ]);
    expect(base.models.selected).toBe(1);
    const hiddenCurrent = initialModelPickerState({
      models: sampleModels,
      currentModel: 'secret-model',
      currentEffort: null,
    });
    expect(hiddenCurrent.models.items.map((i) => i.label)).toContain('secret-model');
  });

  it('step 2 lists the efforts with the current one selected, Enter chooses', () => {
    const s = handleModelPickerKey(base, key.enter).state;
    expect(s.step).toBe('effort');
    expect(s.efforts?.items.map((i) => i.label)).toEqual([
      'Low',
      'Medium (default)',
      'High',
      'Extra high',
    ]);
    expect(s.efforts?.selected).toBe(2);
    const r = handleModelPickerKey(handleModelPickerKey(s, key.down).state, key.enter);
    expect(r.effect).toEqual({ type: 'choose', model: 'gpt-5.1', effort: 'xhigh' });
  });

  it('another model starts on its default effort', () => {
    const s = handleModelPickerKey(base, key.char('1')).state;
    expect(s.efforts?.selected).toBe(1);
    expect(handleModelPickerKey(s, key.char('1')).effect).toEqual({
      type: 'choose',
      model: 'gpt-5.1-codex',
      effort: 'low',
    });
  });

  it('a model with one effort or none is chosen at once', () => {
    expect(handleModelPickerKey(base, key.char('3')).effect).toEqual({
      type: 'choose',
      model: 'gpt-5.1-codex-mini',
      effort: 'medium',
    });
    expect(handleModelPickerKey(base, key.char('4')).effect).toEqual({
      type: 'choose',
      model: 'no-effort',
      effort: null,
    });
  });

  it('Esc goes back from step 2, then cancels', () => {
    const s = handleModelPickerKey(handleModelPickerKey(base, key.enter).state, key.esc).state;
    expect(s.step).toBe('model');
    expect(s.models.selected).toBe(1);
    expect(handleModelPickerKey(s, key.esc).effect).toEqual({ type: 'cancel' });
    expect(handleModelPickerKey(s, key.ctrl('c')).handled).toBe(false);
  });
});
