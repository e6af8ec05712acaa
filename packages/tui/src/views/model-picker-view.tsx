import type { ReactElement } from 'react';
import { LinesView } from './lines-view.js';
import { listSelectionLines } from './list-selection-render.js';
import type { ModelPickerState } from './model-picker.js';
import { viewStyle } from './style.js';
import type { ViewRenderProps } from './view-types.js';

export interface ModelPickerViewProps extends ViewRenderProps {
  state: ModelPickerState;
}

/** The /model popup: the model list, then the chosen model's reasoning efforts. */
export function ModelPickerView({
  state,
  width,
  color = true,
}: ModelPickerViewProps): ReactElement {
  const style = viewStyle(color);
  const lines =
    state.step === 'effort' && state.efforts !== null
      ? listSelectionLines(state.efforts, width, style)
      : listSelectionLines(state.models, width, style);
  return <LinesView lines={lines} width={width} />;
}
