import type { Token, Tokens } from 'marked';
import { fenceOpening, isFenceClosing, renderCodeLine, renderFenceLine } from './code-block.js';
import type { Fence } from './code-block.js';
import {
  lexMarkdown,
  renderMarkdown,
  renderMarkdownTokens,
  type MarkdownContext,
} from './render-markdown.js';
import {
  atColumnZero,
  isBlank,
  listMarkerKind,
  mayBeListItem,
  rawHtmlEnd,
  startsHtml,
} from './stream-lines.js';
import { styleFor } from './style.js';
import { PartialLine } from './partial-line.js';

/** Columns the agent bullet (`• `) and its continuation indent take. */
export const AGENT_PREFIX_WIDTH = 2;

/**
 * Prefixes rendered markdown lines as an agent message: `• ` on the first line when `bullet`,
 * two spaces on the others; blank lines stay empty.
 */
export function agentLines(lines: readonly string[], color: boolean, bullet: boolean): string[] {
  const dot = styleFor(color).dim('• ');
  return lines.map((line, i) => (line === '' ? '' : (i === 0 && bullet ? dot : '  ') + line));
}

/** Feeds an agent message's deltas; hands back the lines that are final. */
export interface StreamCommitter {
  /** Adds a delta; returns the newly finished lines to print above the live area. */
  push(delta: string): string[];
  /** The rendered uncommitted rest (for the live area); cheap, bounded by `maxTailSourceLines`. */
  tail(): string[];
  /** The message is complete: returns every line not committed yet. */
  finish(): string[];
  /** A new width (terminal resize) for the lines rendered from now on. */
  setContext(ctx: MarkdownContext): void;
}

export interface StreamCommitterOptions {
  /** Whether the first line gets the `• ` bullet (false for a continued message). */
  bullet?: boolean;
  /** How many pending source lines the tail renders at most (the live area is short). */
  maxTailSourceLines?: number;
}

interface ListContinuation {
  kind: string;
  next: number;
}

/**
 * Incremental markdown streaming. Complete source lines are grouped into chunks that end where
 * rendering them alone gives the same lines as rendering the whole message: at a blank line
 * followed by a line at column 0, at the next item of a top-level list, or at a top-level code
 * fence. Inside a top-level fence every complete line is committed at once as a code line. Each
 * chunk is lexed and rendered once, so the total cost is linear in the message length.
 */
class MarkdownStreamCommitter implements StreamCommitter {
  private ctx: MarkdownContext;
  private readonly bullet: boolean;
  private readonly maxTail: number;
  private readonly partial = new PartialLine();
  private fence: Fence | null = null;
  private chunk: string[] = [];
  private trailingBlanks = 0;
  private chunkList: string | null = null;
  private chunkHtml = false;
  /** Only column-0 lines that are no list items or HTML: a blank line surely ends the chunk. */
  private chunkSimple = true;
  private htmlEnd: RegExp | null = null;
  private separator = false;
  private emitted = false;
  private continuation: ListContinuation | null = null;
  private out: string[] = [];
  private preview: { key: string; lines: string[] } | null = null;

  constructor(ctx: MarkdownContext, options: StreamCommitterOptions) {
    this.ctx = ctx;
    this.bullet = options.bullet ?? true;
    this.maxTail = options.maxTailSourceLines ?? 24;
  }

  setContext(ctx: MarkdownContext): void {
    this.ctx = ctx;
  }

  push(delta: string): string[] {
    for (const line of this.partial.feed(delta)) this.line(line);
    return this.take();
  }

  finish(): string[] {
    const rest = this.partial.takeRest();
    if (rest !== null) this.line(rest);
    this.flushChunk();
    return this.take();
  }

  tail(): string[] {
    const partial = this.partial.suffix(4096);
    const md = { width: this.mdWidth(), color: this.ctx.color };
    let lines: string[];
    if (this.fence) {
      // Highlighted once complete; the incomplete line is shown plain (highlighting every
      // delta would dominate the cost of a long code block).
      const style = styleFor(this.ctx.color);
      lines = partial === '' ? [] : renderCodeLine(partial, undefined, md.width, style);
    } else {
      // The chunk so far (rendered once per new line) and the incomplete line on its own: a
      // preview, exact once the line completes.
      lines = [...this.chunkPreview(md)];
      if (partial.trim() !== '') {
        if (lines.length > 0 && this.trailingBlanks > 0) lines.push('');
        lines.push(...renderMarkdown(partial, md));
      }
      if (lines.length > 0 && this.emitted && this.separator) lines.unshift('');
    }
    return agentLines(lines, this.ctx.color, this.bullet && !this.emitted);
  }

  private chunkPreview(md: MarkdownContext): readonly string[] {
    const key = `${this.chunk.length}:${md.width}:${md.color}`;
    if (this.preview?.key === key) return this.preview.lines;
    const source = this.chunk.slice(-this.maxTail, this.chunk.length - this.trailingBlanks);
    const lines = source.length === 0 ? [] : renderMarkdown(source.join('\n'), md);
    this.preview = { key, lines };
    return lines;
  }

  private mdWidth(): number {
    return Math.max(1, this.ctx.width - AGENT_PREFIX_WIDTH);
  }

  private take(): string[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private line(line: string): void {
    const style = styleFor(this.ctx.color);
    if (this.fence) {
      if (isFenceClosing(line, this.fence)) {
        this.fence = null;
        this.emit(renderFenceLine(line, this.mdWidth(), style));
      } else {
        this.emit(renderCodeLine(line, this.fence.language, this.mdWidth(), style));
      }
      return;
    }
    if (isBlank(line)) {
      if (this.chunk.length === 0) {
        if (this.emitted) this.separator = true;
        return;
      }
      if (this.chunkSimple) {
        this.flushChunk();
        if (this.emitted) this.separator = true;
        return;
      }
      this.chunk.push(line);
      this.trailingBlanks++;
      return;
    }
    if (this.chunk.length > 0 && atColumnZero(line) && this.htmlEnd === null) {
      if (this.trailingBlanks > 0) this.flushChunk();
      else if (this.chunkList !== null && listMarkerKind(line) === this.chunkList)
        this.flushChunk();
    }
    const fence = atColumnZero(line) && !this.chunkHtml ? fenceOpening(line) : null;
    if (fence) {
      this.flushChunk();
      this.continuation = null;
      this.emit(renderFenceLine(line, this.mdWidth(), style));
      this.fence = fence;
      return;
    }
    if (this.chunk.length === 0) this.chunkList = listMarkerKind(line);
    if (!atColumnZero(line) || mayBeListItem(line) || startsHtml(line)) this.chunkSimple = false;
    if (startsHtml(line)) {
      this.chunkHtml = true;
      this.htmlEnd ??= rawHtmlEnd(line);
    }
    if (this.htmlEnd?.test(line)) this.htmlEnd = null;
    this.chunk.push(line);
    this.trailingBlanks = 0;
  }

  /** Renders the pending chunk (without its trailing blank lines) and commits it. */
  private flushChunk(): void {
    if (this.chunk.length === 0) return;
    const lines = this.chunk.slice(0, this.chunk.length - this.trailingBlanks);
    const blankAfter = this.trailingBlanks > 0;
    this.chunk = [];
    this.preview = null;
    this.trailingBlanks = 0;
    this.chunkList = null;
    this.chunkHtml = false;
    this.chunkSimple = true;
    this.htmlEnd = null;
    const tokens = lexMarkdown(lines.join('\n'));
    const listStart = this.listStartFor(tokens);
    const md = { width: this.mdWidth(), color: this.ctx.color };
    this.emit(renderMarkdownTokens(tokens, md, { listStart }));
    this.continuation = this.continuationAfter(tokens, listStart);
    if (blankAfter && this.emitted) this.separator = true;
  }

  /** Continues the numbering of an ordered list that an earlier chunk began. */
  private listStartFor(tokens: readonly Token[]): number | undefined {
    const first = tokens.find((t) => t.type !== 'space');
    if (first?.type !== 'list' || !this.continuation) return undefined;
    const list = first as Tokens.List;
    if (!list.ordered || listKind(list) !== this.continuation.kind) return undefined;
    return this.continuation.next;
  }

  private continuationAfter(tokens: readonly Token[], listStart: number | undefined) {
    const nonSpace = tokens.filter((t) => t.type !== 'space');
    const last = nonSpace[nonSpace.length - 1];
    if (last?.type !== 'list') return null;
    const list = last as Tokens.List;
    if (!list.ordered) return null;
    const start = last === nonSpace[0] && listStart !== undefined ? listStart : Number(list.start);
    return { kind: listKind(list), next: start + list.items.length };
  }

  private emit(lines: string[]): void {
    if (lines.length === 0) return;
    const block = this.separator && this.emitted ? ['', ...lines] : lines;
    this.out.push(...agentLines(block, this.ctx.color, this.bullet && !this.emitted));
    this.emitted = true;
    this.separator = false;
  }
}

/** The delimiter (`.` or `)`) of an ordered list, from its first item's source. */
function listKind(list: Tokens.List): string {
  return /^\s*\d+([.)])/.exec(list.items[0]?.raw ?? '')?.[1] ?? '.';
}

export function createStreamCommitter(
  ctx: MarkdownContext,
  options: StreamCommitterOptions = {},
): StreamCommitter {
  return new MarkdownStreamCommitter(ctx, options);
}
