import {
  handleComposerKey,
  handlePaste,
  initialComposerState,
  isComposerEmpty,
  setComposerText,
  setFileSearchResults,
  setPersistentHistory,
  setTaskRunning,
  type ComposerEffect,
} from '../composer/index.js';
import { keyEvent, type KeyEvent } from '../input/key-event.js';
import type { SessionController } from '../session/session-controller.js';
import { initialTranscriptOverlayState, TRANSCRIPT_CHROME_ROWS } from '../views/index.js';
import { handleModalKey, handleModalPaste } from './modal-keys.js';
import { runShellCommand, terminateShellCommand } from './shell-command.js';
import { SLASH_COMMANDS, runSlashCommand } from './slash-commands.js';
import type { Modal, UiState } from './ui-state.js';

/** Ctrl+C twice within this window quits (Rust's double-press window). */
const QUIT_WINDOW_MS = 1_000;

export interface UiDeps {
  session: SessionController;
  /** Saves a submitted prompt to history.jsonl (local sessions only; never throws). */
  recordHistory(text: string): void;
  /** The terminal's height in rows (the transcript overlay's page). */
  rows(): number;
  /** `codex "prompt"`: sent as the first message once the chat is open. */
  initialPrompt: { text: string; images: string[] } | null;
}

/**
 * The TUI's UI logic, outside React: it owns the composer and modal states, routes every key and
 * paste to the view on top, and carries out the effects (submit, queue, slash commands, `!cmd`,
 * approvals). The Ink app only renders its snapshots.
 */
export class UiController {
  private state: UiState;
  private readonly listeners = new Set<() => void>();
  private quitArmedAt = 0;
  private escArmedAt = 0;
  private searchSeq = 0;
  /** When the last key or paste arrived (`performance.now()`). */
  private lastInputAt = Number.NEGATIVE_INFINITY;

  constructor(readonly deps: UiDeps) {
    this.state = {
      phase: 'starting',
      composer: initialComposerState({ commands: SLASH_COMMANDS }),
      modal: null,
      hint: null,
      exiting: false,
      queued: [],
      shellProcess: null,
    };
    deps.session.onQueueChange(() =>
      this.set({ queued: deps.session.queuedMessages.map((m) => m.text) }),
    );
    deps.session.store.subscribe(() => this.syncTaskRunning());
  }

  getSnapshot = (): UiState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  set(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  get session(): SessionController {
    return this.deps.session;
  }

  setHistoryEntries(entries: readonly string[]): void {
    this.set({ composer: setPersistentHistory(this.state.composer, entries) });
  }

  openModal(modal: Modal | null): void {
    this.set({ modal });
  }

  /**
   * Opens the chat once `opening` (a thread start, resume or fork) is done; then sends the
   * prompt given on the command line, if any. A failure is shown and a new thread started.
   */
  enterChat(opening: Promise<void>): void {
    opening
      .catch(async (err: unknown) => {
        this.session.showError(err);
        if (this.session.currentThreadId === null) await this.session.startThread();
      })
      .then(() => {
        this.set({ phase: 'chat' });
        const prompt = this.deps.initialPrompt;
        if (prompt === null) return;
        this.deps.initialPrompt = null;
        this.deps.recordHistory(prompt.text);
        return this.session.submit(prompt);
      })
      .catch((err: unknown) => {
        this.session.showError(err);
        this.set({ phase: 'chat' });
      });
  }

  requestExit(): void {
    this.set({ exiting: true });
  }

  /** How long since the user last typed or pasted, in ms. */
  msSinceInput(): number {
    return performance.now() - this.lastInputAt;
  }

  handlePaste(text: string): void {
    this.lastInputAt = performance.now();
    if (this.state.modal) {
      const modal = handleModalPaste(this, this.state.modal, text);
      this.set({ modal });
      return;
    }
    const result = handlePaste(this.state.composer, text, { cwd: this.cwd() });
    this.set({ composer: result.state });
    if (result.effect) this.runEffect(result.effect);
  }

  /** The directory relative paths (pasted images, `@` search) are resolved against. */
  private cwd(): string {
    return this.session.store.getSnapshot().session?.cwd ?? this.session.defaultCwd;
  }

  handleKey(event: KeyEvent): void {
    const { input, key } = event;
    // Typed text and Enter or Tab read in one chunk ("hello\r", when keys come faster than
    // the event loop reads them) arrive as one event: split them so Enter still submits and Tab
    // still queues (a real paste comes through `handlePaste` instead).
    if (input.length > 1 && /[\r\t]/.test(input) && !key.ctrl && !key.meta) {
      for (const part of input.split(/([\r\t])/)) {
        if (part === '') continue;
        if (part === '\r') this.handleKey(keyEvent('\r', { return: true }));
        else if (part === '\t') this.handleKey(keyEvent('\t', { tab: true }));
        else this.handleKey(keyEvent(part));
      }
      return;
    }
    this.lastInputAt = performance.now();
    if (this.state.hint !== null) this.set({ hint: null });
    if (this.state.modal && handleModalKey(this, this.state.modal, event)) return;
    if (key.ctrl && input === 't' && this.state.phase === 'chat') {
      const lines = this.session.store.transcript;
      this.openModal({
        kind: 'transcript',
        state: initialTranscriptOverlayState(
          [...lines],
          Math.max(3, this.deps.rows() - TRANSCRIPT_CHROME_ROWS - 1),
        ),
      });
      return;
    }
    if (this.state.modal || this.state.phase !== 'chat') {
      if (key.ctrl && input === 'c') this.ctrlC();
      return;
    }
    const result = handleComposerKey(this.state.composer, event, { cwd: this.cwd() });
    this.set({ composer: result.state });
    if (result.effect) this.runEffect(result.effect);
    if (result.handled) return;
    if (key.ctrl && input === 'c') this.ctrlC();
    else if (key.ctrl && input === 'd' && isComposerEmpty(this.state.composer)) this.requestExit();
    else if (key.escape) this.escape();
  }

  private runEffect(effect: ComposerEffect): void {
    switch (effect.type) {
      case 'submit':
        this.deps.recordHistory(effect.text);
        this.session
          .submit({ text: effect.text, images: effect.images })
          .catch((err: unknown) => this.session.showError(err));
        return;
      case 'queue':
        this.deps.recordHistory(effect.text);
        this.session.queue({ text: effect.text, images: effect.images });
        return;
      case 'shell':
        runShellCommand(this, effect.command);
        return;
      case 'slash':
        runSlashCommand(this, effect.name, effect.args);
        return;
      case 'file-search':
        this.fileSearch(effect.query);
        return;
      case 'cleared':
        return;
    }
  }

  private fileSearch(query: string): void {
    const seq = ++this.searchSeq;
    const cwd = this.cwd();
    this.session.client
      .request('fuzzyFileSearch', { query, roots: [cwd], cancellationToken: 'tui-file-popup' })
      .then((response) => {
        if (seq !== this.searchSeq) return;
        const results = response.files.map((f) => ({ path: f.path, indices: f.indices ?? null }));
        this.set({ composer: setFileSearchResults(this.state.composer, query, results) });
      })
      .catch(() => undefined);
  }

  /** Ctrl+C: interrupt a running turn or `!cmd`; otherwise arm, and on a second press, quit. */
  private ctrlC(): void {
    const now = Date.now();
    if (terminateShellCommand(this)) return;
    if (this.state.modal?.kind === 'transcript') {
      this.openModal(null);
      return;
    }
    if (this.session.store.getSnapshot().turn) {
      void this.session.interrupt().catch((err: unknown) => this.session.showError(err));
      this.quitArmedAt = now;
      this.set({ hint: 'Press Ctrl+C again to quit' });
      return;
    }
    if (now - this.quitArmedAt <= QUIT_WINDOW_MS) {
      this.requestExit();
      return;
    }
    this.quitArmedAt = now;
    this.set({ hint: 'Press Ctrl+C again to quit' });
  }

  /** Esc: interrupt a running turn; on an idle empty composer, Esc twice edits the last message. */
  private escape(): void {
    if (terminateShellCommand(this)) return;
    if (this.session.store.getSnapshot().turn) {
      void this.session.interrupt().catch((err: unknown) => this.session.showError(err));
      return;
    }
    if (!isComposerEmpty(this.state.composer)) return;
    const now = Date.now();
    if (now - this.escArmedAt > QUIT_WINDOW_MS) {
      this.escArmedAt = now;
      this.set({ hint: 'Press Esc again to edit the previous message' });
      return;
    }
    this.escArmedAt = 0;
    const previous = this.session.editLastMessage();
    if (previous === null) return;
    this.set({
      composer: setComposerText(this.state.composer, previous),
      hint: 'Editing your last message: Enter sends it in place of the last turn',
    });
  }

  private syncTaskRunning(): void {
    const running = this.session.store.getSnapshot().turn !== null;
    const composer = setTaskRunning(this.state.composer, running);
    if (composer !== this.state.composer) this.set({ composer });
  }
}
