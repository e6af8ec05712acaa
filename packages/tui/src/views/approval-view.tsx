import type { ReactElement } from 'react';
import type { ApprovalState } from './approval.js';
import { approvalLines } from './approval-render.js';
import { LinesView } from './lines-view.js';
import { viewStyle } from './style.js';
import type { ViewRenderProps } from './view-types.js';

export interface ApprovalViewProps extends ViewRenderProps {
  state: ApprovalState;
}

/** The approval modal (command or patch), drawn from its state. */
export function ApprovalView({ state, width, color = true }: ApprovalViewProps): ReactElement {
  return <LinesView lines={approvalLines(state, width, viewStyle(color))} width={width} />;
}
