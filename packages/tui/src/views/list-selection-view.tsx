import type { ReactElement } from 'react';
import { LinesView } from './lines-view.js';
import type { ListSelectionState } from './list-selection.js';
import { listSelectionLines } from './list-selection-render.js';
import { viewStyle } from './style.js';
import type { ViewRenderProps } from './view-types.js';

export interface ListSelectionViewProps<T> extends ViewRenderProps {
  state: ListSelectionState<T>;
}

export function ListSelectionView<T>({
  state,
  width,
  color = true,
}: ListSelectionViewProps<T>): ReactElement {
  return <LinesView lines={listSelectionLines(state, width, viewStyle(color))} width={width} />;
}
