import { sandboxHelperCommand } from './sandbox-helper-command.js';
import { CODEX_VERSION } from './version.js';

/** What a front end (`codex exec`, the TUI) runs on: this process's standard streams. */
export function processIo() {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** What a front end knows of this CLI: its version and how to start the sandbox helper. */
export function frontEndMeta() {
  return { version: CODEX_VERSION, sandboxHelperCommand: sandboxHelperCommand() };
}
