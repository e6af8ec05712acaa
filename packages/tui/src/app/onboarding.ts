import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppServerClient } from '@codex-ts/app-server-client';
import {
  initialLoginState,
  initialTrustState,
  loginFailed,
  loginWaiting,
  type LoginEffect,
  type LoginState,
  type TrustEffect,
} from '../views/index.js';
import type { UiController } from './ui-controller.js';

/** Resolves when the onboarding step on screen is done. */
let stepDone: (() => void) | null = null;
/** The ChatGPT / device-code login running now (Esc cancels it). */
let runningLogin: string | null = null;

function waitForStep(): Promise<void> {
  return new Promise((resolve) => {
    stepDone = resolve;
  });
}

function finishStep(): void {
  const done = stepDone;
  stepDone = null;
  done?.();
}

/** The project a trust decision is about: the git repository's root, else the directory. */
export function trustTarget(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

/** Whether config says nothing about trusting `cwd` (or its repository) yet. */
export async function needsTrustDecision(client: AppServerClient, cwd: string): Promise<boolean> {
  const response = await client.request('config/read', { cwd });
  const config = response.config as Record<string, unknown>;
  if (config['approval_policy'] !== undefined || config['sandbox_mode'] !== undefined) return false;
  const projects = (config['projects'] ?? {}) as Record<string, { trust_level?: unknown }>;
  const decided = (path: string): boolean => projects[path]?.trust_level !== undefined;
  return !decided(cwd) && !decided(trustTarget(cwd));
}

/** Whether the server needs an OpenAI sign-in and has none. */
export async function needsLogin(
  client: AppServerClient,
  env: Record<string, string | undefined>,
): Promise<boolean> {
  if (env['OPENAI_API_KEY'] || env['CODEX_API_KEY']) return false;
  const response = await client.request('account/read', {});
  return response.requiresOpenaiAuth && response.account === null;
}

/** Shows the trust prompt and waits for the answer (saved to config.toml by the server). */
export async function askTrust(ui: UiController, cwd: string): Promise<void> {
  ui.set({ phase: 'trust' });
  const target = trustTarget(cwd);
  ui.openModal({
    kind: 'trust',
    state: initialTrustState({ cwd: target, isGitRepo: existsSync(join(target, '.git')) }),
  });
  await waitForStep();
}

export function onTrustEffect(ui: UiController, effect: TrustEffect): void {
  const modal = ui.getSnapshot().modal;
  if (modal?.kind !== 'trust') return;
  const target = modal.state.cwd;
  const level = effect.trusted ? 'trusted' : 'untrusted';
  ui.session.client
    .request('config/value/write', {
      keyPath: `projects.${JSON.stringify(target)}.trust_level`,
      value: level,
      mergeStrategy: 'upsert',
    })
    .catch((err: unknown) => ui.session.showError(err))
    .finally(() => {
      ui.openModal(null);
      finishStep();
    });
}

/** Shows the sign-in screen and waits until a sign-in succeeded (or the user quits). */
export async function askLogin(ui: UiController): Promise<void> {
  ui.set({ phase: 'login' });
  ui.openModal({ kind: 'login', state: initialLoginState() });
  const off = ui.session.client.onNotification((n) => {
    if (n.method !== 'account/login/completed') return;
    const modal = ui.getSnapshot().modal;
    if (n.params.success) {
      ui.openModal(null);
      finishStep();
    } else if (modal?.kind === 'login') {
      ui.openModal({
        kind: 'login',
        state: loginFailed(modal.state, n.params.error ?? 'Sign-in failed'),
      });
    }
  });
  try {
    await waitForStep();
  } finally {
    off();
  }
}

export function onLoginEffect(ui: UiController, effect: LoginEffect): void {
  const client = ui.session.client;
  const update = (apply: (state: LoginState) => LoginState): void => {
    const current = ui.getSnapshot().modal;
    if (current?.kind === 'login') ui.openModal({ kind: 'login', state: apply(current.state) });
  };
  const fail = (err: unknown): void =>
    update((state) => loginFailed(state, err instanceof Error ? err.message : String(err)));
  switch (effect.type) {
    case 'cancel':
      ui.requestExit();
      return;
    case 'back':
      if (runningLogin !== null) {
        void client
          .request('account/login/cancel', { loginId: runningLogin })
          .catch(() => undefined);
        runningLogin = null;
      }
      return;
    case 'apiKey':
      client
        .request('account/login/start', { type: 'apiKey', apiKey: effect.apiKey })
        .then(() => {
          ui.openModal(null);
          finishStep();
        })
        .catch(fail);
      return;
    case 'chatgpt':
      client
        .request('account/login/start', { type: 'chatgpt' })
        .then((r) => {
          if (r.type !== 'chatgpt') return;
          runningLogin = r.loginId;
          update((state) => loginWaiting(state, { url: r.authUrl }));
        })
        .catch(fail);
      return;
    case 'device':
      client
        .request('account/login/start', { type: 'chatgptDeviceCode' })
        .then((r) => {
          if (r.type === 'chatgptDeviceCode') {
            runningLogin = r.loginId;
            update((state) => loginWaiting(state, { url: r.verificationUrl, code: r.userCode }));
          }
        })
        .catch(fail);
      return;
  }
}
