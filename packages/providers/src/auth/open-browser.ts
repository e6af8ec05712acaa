import { spawn } from 'node:child_process';

/**
 * Asks the desktop to open `url` (`open` on macOS, `start` on Windows, `xdg-open` elsewhere).
 * Never throws: without a browser the user follows the printed URL.
 */
export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No launcher: the URL is printed anyway.
  }
}
