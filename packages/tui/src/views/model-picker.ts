import type { ClientRequestResult } from '@codex-ts/app-server-client';
import type { KeyEvent } from '../input/key-event.js';
import {
  handleListSelectionKey,
  initialListSelectionState,
  type ListSelectionState,
  type SelectionItem,
} from './list-selection.js';
import { handled, type KeyResult } from './view-types.js';

/** One model of a `model/list` answer. */
export type ModelEntry = ClientRequestResult<'model/list'>['data'][number];

/**
 * /model: step 1 picks a model from the `model/list` catalog, step 2 one of the reasoning
 * efforts that model supports. Esc in step 2 goes back to step 1; Esc in step 1 cancels.
 */
export interface ModelPickerState {
  step: 'model' | 'effort';
  currentModel: string | null;
  currentEffort: string | null;
  models: ListSelectionState<ModelEntry>;
  efforts: ListSelectionState<string> | null;
}

export type ModelPickerEffect =
  { type: 'choose'; model: string; effort: string | null } | { type: 'cancel' };

export type ModelPickerResult = KeyResult<ModelPickerState, ModelPickerEffect>;

export interface ModelPickerOptions {
  models: ModelEntry[];
  currentModel: string | null;
  currentEffort: string | null;
  maxRows?: number;
}

const EFFORT_LABELS: Record<string, string> = {
  none: 'None',
  minimal: 'Minimal',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  xhigh: 'Extra high',
};

export function effortLabel(effort: string): string {
  return EFFORT_LABELS[effort] ?? effort.charAt(0).toUpperCase() + effort.slice(1);
}

function modelName(entry: ModelEntry): string {
  return entry.displayName !== '' ? entry.displayName : entry.model;
}

export function initialModelPickerState(opts: ModelPickerOptions): ModelPickerState {
  const shown = opts.models.filter((m) => !m.hidden || m.model === opts.currentModel);
  const items: SelectionItem<ModelEntry>[] = shown.map((m) => ({
    label: modelName(m),
    description: m.description,
    current: m.model === opts.currentModel,
    searchValue: m.model,
    value: m,
  }));
  return {
    step: 'model',
    currentModel: opts.currentModel,
    currentEffort: opts.currentEffort,
    models: initialListSelectionState({
      title: 'Select Model and Effort',
      subtitle: 'Choose the model for the next turns, then how hard it should think.',
      items,
      maxRows: opts.maxRows,
    }),
    efforts: null,
  };
}

function effortList(state: ModelPickerState, model: ModelEntry): ListSelectionState<string> {
  const sameModel = model.model === state.currentModel;
  const items: SelectionItem<string>[] = model.supportedReasoningEfforts.map((option) => ({
    label:
      effortLabel(option.reasoningEffort) +
      (option.reasoningEffort === model.defaultReasoningEffort ? ' (default)' : ''),
    description: option.description,
    current: sameModel && option.reasoningEffort === state.currentEffort,
    value: option.reasoningEffort,
  }));
  const currentIndex = items.findIndex((item) => item.current === true);
  const defaultIndex = items.findIndex((item) => item.value === model.defaultReasoningEffort);
  return initialListSelectionState({
    title: `Select Reasoning Level for ${modelName(model)}`,
    items,
    initialIndex: currentIndex >= 0 ? currentIndex : Math.max(0, defaultIndex),
  });
}

function chooseModel(state: ModelPickerState, model: ModelEntry): ModelPickerResult {
  const efforts = model.supportedReasoningEfforts;
  if (efforts.length <= 1) {
    // Nothing to pick: a model with one effort (or none) is chosen at once.
    return handled(state, {
      type: 'choose',
      model: model.model,
      effort: efforts[0]?.reasoningEffort ?? null,
    });
  }
  return handled({ ...state, step: 'effort', efforts: effortList(state, model) });
}

export function handleModelPickerKey(state: ModelPickerState, e: KeyEvent): ModelPickerResult {
  if (state.step === 'effort' && state.efforts !== null) {
    const r = handleListSelectionKey(state.efforts, e);
    const next = { ...state, efforts: r.state };
    if (r.effect?.type === 'cancel') return handled({ ...next, step: 'model', efforts: null });
    if (r.effect?.type === 'choose') {
      const model = state.models.items[state.models.visible[state.models.selected] ?? -1]?.value;
      if (model !== undefined)
        return handled(next, { type: 'choose', model: model.model, effort: r.effect.item.value });
    }
    return { state: next, handled: r.handled };
  }
  const r = handleListSelectionKey(state.models, e);
  const next = { ...state, models: r.state };
  if (r.effect?.type === 'cancel') return handled(next, { type: 'cancel' });
  if (r.effect?.type === 'choose') return chooseModel(next, r.effect.item.value);
  return { state: next, handled: r.handled };
}
