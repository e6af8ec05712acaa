import { readFileSync } from 'node:fs';
import { createExecCommandTool } from '../../src/tools/exec-command/exec-command-tool.js';
import type { ToolResult } from '../../src/tools/tool-types.js';
import { createWriteStdinTool } from '../../src/tools/write-stdin/write-stdin-tool.js';
import type { RecordingContext } from './fake-tool-context.js';

/** exec_command / write_stdin output, either ended (exit code) or running (session id). */
export interface UnifiedExecOutput {
  exitCode: number | null;
  sessionId: number | null;
  tokens: number;
  body: string;
}

const LAYOUT =
  /^Chunk ID: [0-9a-f]{6}\nWall time: \d+\.\d{4} seconds\n(?:Process exited with code (-?\d+)|Process running with session ID (\d+))\nOriginal token count: (\d+)\nOutput:\n([\s\S]*)$/;

export function parseUnifiedExec(output: string): UnifiedExecOutput {
  const m = LAYOUT.exec(output);
  if (!m) throw new Error(`unexpected unified exec layout:\n${output}`);
  return {
    exitCode: m[1] === undefined ? null : Number(m[1]),
    sessionId: m[2] === undefined ? null : Number(m[2]),
    tokens: Number(m[3]),
    body: m[4] ?? '',
  };
}

export function execCommand(
  rec: RecordingContext,
  args: Record<string, unknown>,
): Promise<ToolResult> {
  return createExecCommandTool().handle(
    { kind: 'function', arguments: JSON.stringify(args) },
    rec.ctx,
  );
}

export function writeStdin(
  rec: RecordingContext,
  args: Record<string, unknown>,
): Promise<ToolResult> {
  return createWriteStdinTool().handle(
    { kind: 'function', arguments: JSON.stringify(args) },
    rec.ctx,
  );
}

/** Alive and not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export async function waitUntilDead(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !isAlive(pid);
}
