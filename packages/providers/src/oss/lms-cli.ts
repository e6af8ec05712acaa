import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { LmsNotFoundError, OssDownloadError } from './oss-errors.js';

export interface LmsLookupOptions {
  /** Environment to read PATH (and PATHEXT on Windows) from; `process.env` unless told. */
  env?: NodeJS.ProcessEnv;
  /** Home directory for the `~/.lmstudio/bin` fallback; `os.homedir()` unless told. */
  homeDir?: string;
  platform?: NodeJS.Platform;
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function commandNames(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform !== 'win32') return ['lms'];
  const extensions = (env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .filter((ext) => ext !== '');
  return ['lms', ...extensions.map((ext) => `lms${ext.toLowerCase()}`)];
}

/**
 * Where LM Studio's `lms` command is: the first match on PATH, else `~/.lmstudio/bin/lms`
 * (`lms.exe` on Windows), where the LM Studio app installs it. Throws `LmsNotFoundError`.
 */
export function findLmsBinary(options: LmsLookupOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const searched: string[] = [];
  const pathValue = env['PATH'] ?? env['Path'] ?? '';
  const delimiter = platform === 'win32' ? ';' : ':';
  for (const dir of pathValue.split(delimiter)) {
    if (dir === '') continue;
    for (const name of commandNames(env, platform)) {
      const candidate = path.join(dir, name);
      searched.push(candidate);
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  }
  const home = options.homeDir ?? homedir();
  const fallback = path.join(home, '.lmstudio', 'bin', platform === 'win32' ? 'lms.exe' : 'lms');
  searched.push(fallback);
  if (isExecutableFile(fallback, platform)) return fallback;
  throw new LmsNotFoundError(
    `LM Studio not found: there is no \`lms\` command on PATH or at ${fallback}. ` +
      'Install LM Studio from https://lmstudio.ai/ and try again.',
    searched,
  );
}

export interface LmsDownloadOptions extends LmsLookupOptions {
  /** Receives what `lms get` prints on its standard output. */
  onOutput?: (text: string) => void;
  signal?: AbortSignal;
}

/** Runs `lms get --yes <model>` and resolves once it exits 0; throws `OssDownloadError` else. */
export async function downloadWithLms(
  model: string,
  options: LmsDownloadOptions = {},
): Promise<void> {
  const lms = findLmsBinary(options);
  const args = ['get', '--yes', model];
  const shown = `'${lms} ${args.join(' ')}'`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(lms, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'ignore'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => options.onOutput?.(text));
    child.once('error', (error) => {
      reject(
        new OssDownloadError(`Failed to execute ${shown}: ${error.message}`, model, null, error),
      );
    });
    child.once('close', (code) => {
      if (code === 0) {
        resolve();
        return;
      }
      const exitCode = code ?? -1;
      reject(
        new OssDownloadError(`Model download failed with exit code: ${exitCode}`, model, exitCode),
      );
    });
  });
}
