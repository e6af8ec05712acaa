import type { ServerNotification, ThreadItem } from '@codex-ts/protocol';
import type { ColorMode } from './exec-options.js';

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
}

function makeStyle(enabled: boolean): Style {
  const wrap =
    (open: number, close: number) =>
    (s: string): string =>
      enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    magenta: wrap(35, 39),
    cyan: wrap(36, 39),
  };
}

export function colorEnabled(
  mode: ColorMode,
  isTTY: boolean | undefined,
  env: Record<string, string | undefined>,
): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return isTTY === true && !env['NO_COLOR'];
}

const MAX_SHOWN_OUTPUT_LINES = 20;

/**
 * Human mode: progress on stderr (session header, commands and their output, reasoning, errors,
 * token usage), and only the final agent message on stdout, so `codex exec ... > out.txt`
 * captures the answer.
 */
export class HumanOutput {
  private readonly s: Style;
  private lastMessage: string | null = null;

  constructor(
    private readonly stderr: NodeJS.WritableStream,
    private readonly stdout: NodeJS.WritableStream,
    color: boolean,
  ) {
    this.s = makeStyle(color);
  }

  header(fields: Array<[string, string]>): void {
    const rule = this.s.dim('--------');
    const lines = fields.map(([k, v]) => `${this.s.bold(`${k}:`)} ${v}`);
    this.stderr.write(`${rule}\n${lines.join('\n')}\n${rule}\n`);
  }

  prompt(text: string): void {
    this.stderr.write(`${this.s.cyan(this.s.bold('user'))}\n${text}\n\n`);
  }

  warning(message: string): void {
    this.stderr.write(`${this.s.magenta('warning:')} ${message}\n`);
  }

  handle(n: ServerNotification): void {
    switch (n.method) {
      case 'item/started':
        if (n.params.item.type === 'commandExecution') {
          const item = n.params.item;
          this.stderr.write(
            `${this.s.magenta(this.s.bold('exec'))}\n${this.s.bold(item.command)} in ${item.cwd}\n`,
          );
        }
        break;
      case 'item/completed':
        this.itemCompleted(n.params.item);
        break;
      case 'error':
        this.stderr.write(`${this.s.red('ERROR:')} ${n.params.error.message}\n`);
        break;
      case 'thread/tokenUsage/updated':
        this.tokens = n.params.tokenUsage.total.totalTokens;
        break;
      case 'turn/completed':
        if (this.tokens !== null) {
          this.stderr.write(
            `${this.s.magenta(this.s.bold('tokens used'))}\n${groupThousands(this.tokens)}\n`,
          );
        }
        if (this.lastMessage !== null) this.stdout.write(`${this.lastMessage}\n`);
        break;
      default:
        break;
    }
  }

  private tokens: number | null = null;

  private itemCompleted(item: ThreadItem): void {
    switch (item.type) {
      case 'agentMessage':
        this.lastMessage = item.text;
        this.stderr.write(`${this.s.magenta(this.s.bold('codex'))}\n${item.text}\n`);
        break;
      case 'reasoning':
        if (item.summary.length > 0) {
          this.stderr.write(
            `${this.s.magenta(this.s.bold('thinking'))}\n${this.s.dim(item.summary.join('\n\n'))}\n`,
          );
        }
        break;
      case 'commandExecution': {
        const ok = item.exitCode === 0;
        const took = item.durationMs === null ? '' : ` in ${item.durationMs}ms`;
        const verdict =
          item.status === 'declined'
            ? this.s.red(' declined:')
            : ok
              ? this.s.green(` succeeded${took}:`)
              : this.s.red(` exited ${item.exitCode ?? '?'}${took}:`);
        this.stderr.write(`${verdict}\n${this.s.dim(clip(item.aggregatedOutput ?? ''))}\n`);
        break;
      }
      default:
        break;
    }
  }
}

/**
 * `1234567` as `1,234,567`, as `toLocaleString('en-US')` prints an integer, without it: the
 * first `Intl` call loads ICU data, ~15 ms at the end of every `codex exec`.
 */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}

function clip(output: string): string {
  const lines = output.replace(/\n$/, '').split('\n');
  if (lines.length <= MAX_SHOWN_OUTPUT_LINES) return lines.join('\n');
  const head = lines.slice(0, MAX_SHOWN_OUTPUT_LINES / 2);
  const tail = lines.slice(-MAX_SHOWN_OUTPUT_LINES / 2);
  return [...head, `... +${lines.length - head.length - tail.length} lines`, ...tail].join('\n');
}
