import type { ChalkInstance } from 'chalk';
import type { ReactElement } from 'react';
import { LinesView } from './lines-view.js';
import { viewStyle } from './style.js';
import { sanitizeText, wrapIndented } from './text-layout.js';
import { TRUST_CHOICES, type TrustState } from './trust-prompt.js';
import type { ViewRenderProps } from './view-types.js';

export function trustLines(state: TrustState, width: number, style: ChalkInstance): string[] {
  const lines = wrapIndented(
    `${style.bold('You are running Codex in')} ${sanitizeText(state.cwd)}`,
    width,
    '  ',
    '> ',
  );
  lines.push('');
  lines.push(...wrapIndented(style.bold('Do you trust the files in this folder?'), width, '  '));
  const guidance =
    state.isGitRepo === null
      ? 'Trusting it lets Codex edit files and run commands here without asking first.'
      : state.isGitRepo
        ? 'This folder is under version control, so you can let Codex edit files and run commands here without asking first.'
        : 'This folder is not under version control; asking before each edit and command is the safer choice.';
  lines.push(...wrapIndented(guidance, width, '  '), '');
  TRUST_CHOICES.forEach((label, i) => {
    const selected = state.highlighted === i;
    const row = wrapIndented(label, width, '     ', `${selected ? '›' : ' '} ${i + 1}. `);
    lines.push(...row.map((l) => (selected ? style.cyan(l) : l)));
  });
  lines.push('', ...wrapIndented('Press enter to continue', width, '  ').map((l) => style.dim(l)));
  return lines;
}

export interface TrustViewProps extends ViewRenderProps {
  state: TrustState;
}

export function TrustView({ state, width, color = true }: TrustViewProps): ReactElement {
  return <LinesView lines={trustLines(state, width, viewStyle(color))} width={width} />;
}
