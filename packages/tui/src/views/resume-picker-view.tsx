import type { ReactElement } from 'react';
import { LinesView } from './lines-view.js';
import type { ResumePickerState } from './resume-picker.js';
import { resumePickerLines } from './resume-picker-render.js';
import { viewStyle } from './style.js';
import type { ViewRenderProps } from './view-types.js';

export interface ResumePickerViewProps extends ViewRenderProps {
  state: ResumePickerState;
  /** "Now" for the Updated column (tests pin it); defaults to the clock. */
  nowMs?: number;
}

export function ResumePickerView({
  state,
  width,
  color = true,
  nowMs,
}: ResumePickerViewProps): ReactElement {
  const lines = resumePickerLines(state, width, viewStyle(color), nowMs ?? Date.now());
  return <LinesView lines={lines} width={width} />;
}
