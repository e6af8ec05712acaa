import type { ChalkInstance } from 'chalk';
import type { ReactElement } from 'react';
import { LinesView } from './lines-view.js';
import type { LoginMethod, LoginState } from './login-screen.js';
import { viewStyle } from './style.js';
import { renderTextField } from './text-field.js';
import { sanitizeText, wrapIndented, wrapToWidth } from './text-layout.js';
import type { ViewRenderProps } from './view-types.js';

const METHOD_TEXT: Record<LoginMethod, { label: string; description: string }> = {
  chatgpt: {
    label: 'Sign in with ChatGPT',
    description: 'Usage included with Plus, Pro, Business, and Enterprise plans',
  },
  device: {
    label: 'Sign in with Device Code',
    description: 'Sign in from a browser on any device (good for remote machines)',
  },
  apiKey: { label: 'Provide your own API key', description: 'Pay for what you use' },
};

function para(text: string, width: number, style?: (s: string) => string): string[] {
  const lines = wrapIndented(text, width, '  ');
  return style === undefined ? lines : lines.map(style);
}

/** A URL or code on lines of its own (hard-wrapped, never cut), indented. */
function link(text: string, width: number, paint: (s: string) => string, indent = '  '): string[] {
  // A link that would need wrapping at this indent gets the wider room of the 2-column one.
  const pad = text.length <= width - indent.length ? indent : '  ';
  return wrapToWidth(sanitizeText(text), Math.max(1, width - pad.length)).map(
    (l) => `${pad}${paint(l)}`,
  );
}

function step(n: number, text: string, width: number): string[] {
  return wrapIndented(text, width, '     ', `  ${n}. `);
}

function pickLines(state: LoginState, width: number, style: ChalkInstance): string[] {
  const lines = para(
    'Sign in with ChatGPT to use Codex as part of your paid plan, or connect an API key for usage-based billing.',
    width,
  );
  lines.push('');
  state.methods.forEach((method, i) => {
    const { label, description } = METHOD_TEXT[method];
    const selected = i === state.highlighted;
    const head = wrapIndented(label, width, '     ', `${selected ? '›' : ' '} ${i + 1}. `);
    lines.push(...head.map((l) => (selected ? style.cyan(l) : l)));
    lines.push(...wrapIndented(description, width, '     ').map((l) => style.dim(l)));
  });
  lines.push('', ...para('Press enter to continue', width, (l) => style.dim(l)));
  return lines;
}

function apiKeyLines(state: LoginState, width: number, style: ChalkInstance): string[] {
  const lines = wrapIndented(
    style.bold('Use your own OpenAI API key for usage-based billing'),
    width,
    '  ',
    '> ',
  );
  lines.push(
    '',
    ...para('Paste or type your API key below. It is stored on this machine in CODEX_HOME.', width),
    '',
  );
  const label = '  API key: ';
  lines.push(
    label +
      renderTextField(state.apiKey, {
        width: width - label.length,
        style,
        mask: '*',
        placeholder: 'sk-...',
      }),
  );
  lines.push('', ...para('Press enter to save or esc to go back', width, (l) => style.dim(l)));
  return lines;
}

function waitingLines(state: LoginState, width: number, style: ChalkInstance): string[] {
  if (state.method === 'apiKey') return [...para('Saving your API key…', width), ''];
  if (state.method === 'device') {
    const code = state.deviceCode;
    if (code === null)
      return [
        ...para('Requesting a one-time code…', width, (l) => style.dim(l)),
        '',
        ...para('Press esc to cancel', width, (l) => style.dim(l)),
      ];
    return [
      ...para('Finish signing in via your browser', width, (l) => style.bold(l)),
      '',
      ...step(1, 'Open this link in your browser and sign in:', width),
      ...link(code.verificationUrl, width, (l) => style.cyan.underline(l), '     '),
      '',
      ...step(2, 'Enter this one-time code (it expires in 15 minutes):', width),
      ...link(code.userCode, width, (l) => style.cyan.bold(l), '     '),
      '',
      ...para('Never share this code: device codes are a common phishing target.', width, (l) =>
        style.dim(l),
      ),
      '',
      ...para('Press esc to cancel', width, (l) => style.dim(l)),
    ];
  }
  const lines = para('Finish signing in via your browser', width, (l) => style.bold(l));
  lines.push('');
  if (state.loginUrl !== null) {
    lines.push(
      ...para("If the link doesn't open automatically, open this one to sign in:", width),
      '',
    );
    lines.push(...link(state.loginUrl, width, (l) => style.cyan.underline(l)), '');
  } else {
    lines.push(...para('Starting the sign-in server…', width, (l) => style.dim(l)), '');
  }
  lines.push(...para('Press esc to cancel', width, (l) => style.dim(l)));
  return lines;
}

export function loginLines(state: LoginState, width: number, style: ChalkInstance): string[] {
  const lines =
    state.step === 'pick'
      ? pickLines(state, width, style)
      : state.step === 'api-key'
        ? apiKeyLines(state, width, style)
        : waitingLines(state, width, style);
  if (state.error !== null)
    lines.push('', ...para(sanitizeText(state.error), width, (l) => style.red(l)));
  return lines;
}

export interface LoginViewProps extends ViewRenderProps {
  state: LoginState;
}

export function LoginView({ state, width, color = true }: LoginViewProps): ReactElement {
  return <LinesView lines={loginLines(state, width, viewStyle(color))} width={width} />;
}
