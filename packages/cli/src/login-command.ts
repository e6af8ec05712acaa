import { type Command, Option } from 'commander';
import type * as Providers from '@codex-ts/providers';
import type { AuthConfig } from '@codex-ts/config';

import { loadCliConfig } from './global-flags.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface LoginFlags {
  withApiKey?: boolean;
  apiKey?: string;
  deviceAuth?: boolean;
  experimental_issuer?: string;
  experimental_clientId?: string;
  config: string[];
}

interface Context {
  providers: typeof Providers;
  auth: AuthConfig;
  storage: Providers.AuthStorage;
}

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Loads config (the root flags, then the subcommand's `-c`). */
async function loadContext(program: Command, localConfig: string[]): Promise<Context | number> {
  const [config, providers] = await Promise.all([
    import('@codex-ts/config'),
    import('@codex-ts/providers'),
  ]);
  let auth: AuthConfig;
  try {
    auth = (await loadCliConfig(program, localConfig)).auth;
  } catch (err) {
    const what =
      err instanceof config.ConfigOverrideError ? 'parsing -c overrides' : 'loading configuration';
    say(`Error ${what}: ${(err as Error).message}`);
    return 1;
  }
  const storage = providers.createAuthStorage({
    codexHome: auth.codexHome,
    mode: auth.credentialsStore,
    onWarning: (message) => say(`Warning: ${message}`),
  });
  return { providers, auth, storage };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function loginWithApiKeyFromStdin(program: Command, flags: LoginFlags): Promise<number> {
  if (process.stdin.isTTY) {
    say(
      '--with-api-key reads the API key from stdin. Pipe it in, e.g. `printenv OPENAI_API_KEY | codex login --with-api-key`.',
    );
    return 1;
  }
  say('Reading API key from stdin...');
  let apiKey: string;
  try {
    apiKey = (await readStdin()).trim();
  } catch (err) {
    say(`Failed to read API key from stdin: ${(err as Error).message}`);
    return 1;
  }
  if (apiKey === '') {
    say('No API key provided via stdin.');
    return 1;
  }
  const ctx = await loadContext(program, flags.config);
  if (typeof ctx === 'number') return ctx;
  if (ctx.auth.forcedLoginMethod === 'chatgpt') {
    say('API key login is disabled. Use ChatGPT login instead.');
    return 1;
  }
  try {
    await ctx.providers.loginWithApiKey(ctx.storage, apiKey);
  } catch (err) {
    say(`Error logging in: ${(err as Error).message}`);
    return 1;
  }
  say('Successfully logged in');
  return 0;
}

function printDeviceCode(code: Providers.DeviceCode): void {
  const color = process.stdout.isTTY === true;
  const blue = (s: string): string => (color ? `\x1b[94m${s}\x1b[0m` : s);
  const dim = (s: string): string => (color ? `\x1b[90m${s}\x1b[0m` : s);
  process.stdout.write(
    [
      '',
      'Sign in to Codex with your ChatGPT account, from any device with a browser:',
      '',
      '1. Open this page and sign in:',
      `   ${blue(code.verificationUrl)}`,
      '',
      `2. Enter this one-time code ${dim('(valid for 15 minutes)')}:`,
      `   ${blue(code.userCode)}`,
      '',
      dim('Keep this code to yourself: nobody from OpenAI will ever ask you for it.'),
      '',
      '',
    ].join('\n'),
  );
}

async function loginWithChatgpt(program: Command, flags: LoginFlags): Promise<number> {
  const ctx = await loadContext(program, flags.config);
  if (typeof ctx === 'number') return ctx;
  if (ctx.auth.forcedLoginMethod === 'api') {
    say('ChatGPT login is disabled. Use API key login instead.');
    return 1;
  }
  const common = {
    authStorage: ctx.storage,
    forcedChatgptWorkspaceId: ctx.auth.forcedChatgptWorkspaceId,
    ...(flags.experimental_issuer ? { issuer: flags.experimental_issuer } : {}),
    ...(flags.experimental_clientId ? { clientId: flags.experimental_clientId } : {}),
  };
  if (flags.deviceAuth) {
    try {
      await ctx.providers.runDeviceCodeLogin({ ...common, onDeviceCode: printDeviceCode });
    } catch (err) {
      say(`Error logging in with device code: ${(err as Error).message}`);
      return 1;
    }
    say('Successfully logged in');
    return 0;
  }
  try {
    const login = await ctx.providers.runBrowserLogin(common);
    say(
      `Waiting for the sign-in to finish on http://localhost:${login.port}.\n` +
        `If no browser window opened, open this URL to sign in:\n\n${login.authUrl}\n`,
    );
    await login.done;
  } catch (err) {
    say(`Error logging in: ${(err as Error).message}`);
    return 1;
  }
  say('Successfully logged in');
  return 0;
}

async function loginStatus(program: Command, localConfig: string[]): Promise<number> {
  const ctx = await loadContext(program, localConfig);
  if (typeof ctx === 'number') return ctx;
  let status: Providers.LoginStatus;
  try {
    status = await ctx.providers.loginStatus(ctx.storage);
  } catch (err) {
    say(`Error checking login status: ${(err as Error).message}`);
    return 1;
  }
  switch (status.mode) {
    case 'apikey':
      say(`Logged in using an API key - ${status.maskedKey}`);
      return 0;
    case 'chatgpt':
      say('Logged in using ChatGPT');
      return 0;
    default:
      say('Not logged in');
      return 1;
  }
}

async function logout(program: Command, localConfig: string[]): Promise<number> {
  const ctx = await loadContext(program, localConfig);
  if (typeof ctx === 'number') return ctx;
  let removed: boolean;
  try {
    removed = await ctx.providers.logout({ storage: ctx.storage });
  } catch (err) {
    say(`Error logging out: ${(err as Error).message}`);
    return 1;
  }
  say(removed ? 'Successfully logged out' : 'Not logged in');
  return 0;
}

function configOption(): Option {
  return new Option('-c, --config <key=value>', 'override a config.toml value (repeatable)')
    .argParser(collect)
    .default([]);
}

/** Registers `codex login [--with-api-key | --device-auth]`, `codex login status`, `codex logout`. */
export function registerLogin(program: Command, setExit: (code: number) => void): void {
  const run = async (work: () => Promise<number>): Promise<void> => {
    try {
      setExit(await work());
    } catch (err) {
      say(`Error: ${(err as Error).message}`);
      setExit(1);
    }
  };
  const login = program
    .command('login')
    .description('Sign in with ChatGPT (browser or device code) or store an API key')
    .option(
      '--with-api-key',
      'read the API key from stdin (e.g. `printenv OPENAI_API_KEY | codex login --with-api-key`)',
    )
    .addOption(new Option('--api-key <API_KEY>').hideHelp())
    .option('--device-auth', 'sign in with a one-time code entered on another device')
    .addOption(new Option('--experimental_issuer <URL>').hideHelp())
    .addOption(new Option('--experimental_client-id <CLIENT_ID>').hideHelp())
    .addOption(configOption())
    .action((flags: LoginFlags) =>
      run(() => {
        if (flags.deviceAuth) return loginWithChatgpt(program, flags);
        if (flags.apiKey !== undefined) {
          say(
            'The --api-key flag is no longer supported. Pipe the key instead, e.g. `printenv OPENAI_API_KEY | codex login --with-api-key`.',
          );
          return Promise.resolve(1);
        }
        if (flags.withApiKey) return loginWithApiKeyFromStdin(program, flags);
        return loginWithChatgpt(program, flags);
      }),
    );
  login
    .command('status')
    .description('Show login status')
    .addOption(configOption())
    .action((flags: { config: string[] }) =>
      run(() => loginStatus(program, [...(login.opts() as LoginFlags).config, ...flags.config])),
    );
  program
    .command('logout')
    .description('Remove stored authentication credentials')
    .addOption(configOption())
    .action((flags: { config: string[] }) => run(() => logout(program, flags.config)));
}
