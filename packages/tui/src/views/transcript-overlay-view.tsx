import type { ReactElement } from 'react';
import { LinesView } from './lines-view.js';
import { viewStyle } from './style.js';
import type { TranscriptOverlayState } from './transcript-overlay.js';
import { transcriptOverlayLines } from './transcript-overlay-render.js';
import type { ViewRenderProps } from './view-types.js';

export interface TranscriptOverlayViewProps extends ViewRenderProps {
  state: TranscriptOverlayState;
}

/** The Ctrl+T pager over the transcript: `state.height` + TRANSCRIPT_CHROME_ROWS rows tall. */
export function TranscriptOverlayView({
  state,
  width,
  color = true,
}: TranscriptOverlayViewProps): ReactElement {
  return <LinesView lines={transcriptOverlayLines(state, width, viewStyle(color))} width={width} />;
}
