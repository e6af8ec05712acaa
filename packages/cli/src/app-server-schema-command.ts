import type { Command } from 'commander';

interface GenerateFlags {
  out: string;
  prettier?: string;
  experimental?: boolean;
}

/**
 * Registers the protocol tooling of `codex app-server`, with the Rust CLI's flags:
 * - `generate-json-schema -o/--out DIR [--experimental]`: the JSON Schema of the protocol this
 *   build implements (bundles plus one file per type);
 * - `generate-ts -o/--out DIR [-p/--prettier PRETTIER_BIN] [--experimental]`: TypeScript
 *   declarations of the same types.
 * Both create DIR, overwrite what they generate, print nothing on success, and exit 1 with a
 * message on stderr when DIR cannot be written (or Prettier fails).
 */
export function registerAppServerSchemaCommands(
  appServer: Command,
  setExit: (code: number) => void,
): void {
  appServer
    .command('generate-ts')
    .description('[experimental] Generate TypeScript bindings for the app server protocol')
    .requiredOption('-o, --out <DIR>', 'Output directory where .ts files will be written')
    .option(
      '-p, --prettier <PRETTIER_BIN>',
      'Optional path to the Prettier executable to format generated files',
    )
    .option('--experimental', 'Include experimental methods and fields in the generated output')
    .action(async (flags: GenerateFlags) => {
      setExit(
        await run(async () => {
          const { generateTs } = await import('@codex-ts/app-server');
          await generateTs(flags.out, {
            prettier: flags.prettier ?? null,
            experimental: flags.experimental === true,
          });
        }),
      );
    });

  appServer
    .command('generate-json-schema')
    .description('[experimental] Generate JSON Schema for the app server protocol')
    .requiredOption('-o, --out <DIR>', 'Output directory where the schema bundle will be written')
    .option('--experimental', 'Include experimental methods and fields in the generated output')
    .action(async (flags: GenerateFlags) => {
      setExit(
        await run(async () => {
          const { generateJsonSchema } = await import('@codex-ts/app-server');
          await generateJsonSchema(flags.out, { experimental: flags.experimental === true });
        }),
      );
    });
}

/** Runs a generator: exit 0, or 1 with `Error: <message>` on stderr. */
async function run(generate: () => Promise<void>): Promise<number> {
  try {
    await generate();
    return 0;
  } catch (err) {
    process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
