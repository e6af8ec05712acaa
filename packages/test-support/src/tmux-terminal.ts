import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TmuxTerminalOptions {
  /** argv of the program to run in the terminal. */
  command: string[];
  cwd: string;
  env: Record<string, string>;
  columns?: number;
  rows?: number;
}

/** How long `waitFor` polls before failing (a safety net, never a performance assertion). */
const WAIT_LIMIT_MS = 20_000;
const POLL_MS = 50;

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A real terminal for end-to-end TUI tests: a detached tmux server on a private socket runs the
 * program in a pane of the given size; tests type with `send` / `sendKeys` and read the screen
 * (what a user would see, after the terminal emulator interpreted every escape sequence) with
 * `screen()` / `waitFor()`. `close()` kills the server and everything in it.
 */
export class TmuxTerminal {
  private exited = false;

  private constructor(
    private readonly socket: string,
    private readonly dir: string,
  ) {}

  static async start(opts: TmuxTerminalOptions): Promise<TmuxTerminal> {
    const dir = await mkdtemp(join(tmpdir(), 'codex-tmux-'));
    const terminal = new TmuxTerminal(join(dir, 'sock'), dir);
    const envArgs = Object.entries(opts.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    // `remain-on-exit` keeps the pane (and its last screen) after the program exits.
    // After the program: its exit status and the tty modes it left behind (a restored terminal
    // is back in canonical mode with echo on).
    const script =
      `${opts.command.map(shellQuote).join(' ')}; echo "[exit $?]"; ` +
      `echo "[tty $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')]"; ` +
      'sleep 600';
    await terminal.tmux([
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      String(opts.columns ?? 100),
      '-y',
      String(opts.rows ?? 30),
      '-c',
      opts.cwd,
      ...envArgs,
      script,
    ]);
    await terminal.tmux(['set-option', '-g', 'status', 'off']);
    return terminal;
  }

  private async tmux(args: string[]): Promise<string> {
    const { stdout } = await run('tmux', ['-S', this.socket, ...args], {
      env: { ...process.env, TMUX: '' },
    });
    return stdout;
  }

  /** Types literal text (no key names interpreted). */
  async send(text: string): Promise<void> {
    await this.tmux(['send-keys', '-t', '0', '-l', text]);
  }

  /** Sends tmux key names: 'Enter', 'Escape', 'C-c', 'Up', 'Tab', 'BSpace', 'C-t', ... */
  async sendKeys(...keys: string[]): Promise<void> {
    await this.tmux(['send-keys', '-t', '0', ...keys]);
  }

  /** Pastes text as a bracketed paste (as a terminal does for a real paste). */
  async paste(text: string): Promise<void> {
    await this.tmux(['set-buffer', '-b', 'p', text]);
    await this.tmux(['paste-buffer', '-p', '-b', 'p', '-t', '0']);
  }

  async resize(columns: number, rows: number): Promise<void> {
    await this.tmux(['resize-window', '-t', '0', '-x', String(columns), '-y', String(rows)]);
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  async screen(): Promise<string> {
    const out = await this.tmux(['capture-pane', '-p', '-t', '0']);
    return out
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  }

  /** The visible screen with its colour and style escapes (to check what was drawn how). */
  async screenWithEscapes(): Promise<string> {
    return this.tmux(['capture-pane', '-p', '-e', '-t', '0']);
  }

  /** The screen plus the scrollback (everything the program printed that is still kept). */
  async scrollback(): Promise<string> {
    const out = await this.tmux(['capture-pane', '-p', '-S', '-', '-t', '0']);
    return out
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  }

  /** Polls the screen and scrollback until `test` holds; fails with the last screen otherwise. */
  async waitFor(
    test: string | RegExp | ((text: string) => boolean),
    opts: { scrollback?: boolean; limitMs?: number } = {},
  ): Promise<string> {
    const check =
      typeof test === 'function'
        ? test
        : typeof test === 'string'
          ? (t: string) => t.includes(test)
          : (t: string) => test.test(t);
    const deadline = Date.now() + (opts.limitMs ?? WAIT_LIMIT_MS);
    let text = '';
    for (;;) {
      text = opts.scrollback ? await this.scrollback() : await this.screen();
      if (check(text)) return text;
      if (Date.now() > deadline) {
        throw new Error(`terminal never showed ${String(test)}; screen:\n${text}`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Waits for the program to exit; returns its exit status as the pane shows it. */
  async waitForExit(): Promise<number> {
    const text = await this.waitFor(/\[exit \d+\]/, { scrollback: true });
    this.exited = true;
    const match = /\[exit (\d+)\]/.exec(text);
    return Number(match?.[1] ?? -1);
  }

  /** The tty modes left after the program exited, e.g. "icanon echo" (call after waitForExit). */
  async ttyModes(): Promise<string> {
    const text = await this.waitFor(/\[tty [^\]]*\]/, { scrollback: true });
    return (/\[tty ([^\]]*)\]/.exec(text)?.[1] ?? '').trim();
  }

  /** Whether the terminal's cursor is visible and whether the alternate screen is on. */
  async cursorState(): Promise<{ visible: boolean; alternateScreen: boolean }> {
    const out = await this.tmux([
      'display-message',
      '-p',
      '-t',
      '0',
      '#{cursor_flag} #{alternate_on}',
    ]);
    const [cursor, alternate] = out.trim().split(' ');
    return { visible: cursor === '1', alternateScreen: alternate === '1' };
  }

  get hasExited(): boolean {
    return this.exited;
  }

  async close(): Promise<void> {
    try {
      await this.tmux(['kill-server']);
    } catch {
      // Already gone.
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
