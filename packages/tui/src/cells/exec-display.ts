import type { CommandAction } from '@codex-ts/protocol';

/** Undoes the single-quote shell quoting of one word (`'it'\''s'` -> `it's`). */
function unquote(word: string): string | null {
  if (/^'([^']|'\\'')*'$/.test(word)) return word.slice(1, -1).replace(/'\\''/g, "'");
  if (/^"([^"\\]|\\.)*"$/.test(word)) return word.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
  return null;
}

/**
 * The command as the user would type it: a `bash -lc '<script>'` (or zsh/sh) wrapper is
 * removed, as the Rust TUI shows commands.
 */
export function displayCommand(command: string): string {
  const m = /^(?:\S*\/)?(?:bash|zsh|sh)\s+-l?c\s+([\s\S]+)$/.exec(command.trim());
  const script = m?.[1];
  if (!script) return command;
  return unquote(script.trim()) ?? script;
}

/** Whether every action is a read, a listing or a search (an "Explored" cell). */
export function isExploring(actions: readonly CommandAction[]): boolean {
  return actions.length > 0 && actions.every((a) => a.type !== 'unknown');
}

/** One line of an exploration summary: `Read a.ts, b.ts`, `List src`, `Search foo in src`. */
export interface ExploreLine {
  title: 'Read' | 'List' | 'Search' | 'Run';
  text: string;
}

/** Summarises command actions; consecutive reads collapse into one `Read` line. */
export function exploreLines(actions: readonly CommandAction[]): ExploreLine[] {
  const out: ExploreLine[] = [];
  let reads: string[] = [];
  const flushReads = () => {
    if (reads.length > 0) out.push({ title: 'Read', text: [...new Set(reads)].join(', ') });
    reads = [];
  };
  for (const action of actions) {
    if (action.type === 'read') {
      reads.push(action.name);
      continue;
    }
    flushReads();
    if (action.type === 'listFiles')
      out.push({ title: 'List', text: action.path ?? action.command });
    else if (action.type === 'search') {
      const text =
        action.query !== null && action.path !== null
          ? `${action.query} in ${action.path}`
          : (action.query ?? action.command);
      out.push({ title: 'Search', text });
    } else out.push({ title: 'Run', text: action.command });
  }
  flushReads();
  return out;
}
