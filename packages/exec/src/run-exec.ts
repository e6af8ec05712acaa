import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppServerClosedError, type AppServerClient } from '@codex-ts/app-server-client';
import {
  reviewTargetHint,
  type ServerNotification,
  type ThreadStartResponse,
  type Turn,
} from '@codex-ts/protocol';
import { connectExecClient, execTarget } from './exec-client.js';
import { ExecUsageError, type ExecIo, type ExecOptions } from './exec-options.js';
import { openThread } from './open-thread.js';
import { isInsideGitRepo } from './git-check.js';
import { colorEnabled, HumanOutput } from './human-output.js';
import { JsonEventMapper } from './json-event-mapper.js';
import { resolvePrompt } from './prompt-input.js';
import { reviewTarget } from './review-target.js';
import { readOutputSchema, threadStartParams, turnInput } from './thread-params.js';

export interface ExecMeta {
  version: string;
  /** argv prefix that runs this CLI's Landlock helper (`codex __landlock-exec`). */
  sandboxHelperCommand?: string[] | null;
}

function errorMessage(err: unknown): string {
  // A request cut off by a lost connection: the connection's error says what happened.
  if (err instanceof AppServerClosedError && err.cause instanceof Error) return err.cause.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * `codex exec`: one turn, headless. Talks to the app server through the in-process client (with
 * `--remote`, to a remote app server over WebSocket), prints JSONL (`--json`) or human progress,
 * and returns the exit code (1 when the turn failed or the connection was lost).
 */
export async function runExec(opts: ExecOptions, io: ExecIo, meta: ExecMeta): Promise<number> {
  try {
    return await execTurn(opts, io, meta);
  } catch (err) {
    io.stderr.write(`Error: ${errorMessage(err)}\n`);
    return 1;
  }
}

async function execTurn(opts: ExecOptions, io: ExecIo, meta: ExecMeta): Promise<number> {
  const target = execTarget(opts, io.env);
  const cwd = resolve(io.cwd, opts.cd ?? '.');
  if (!opts.skipGitRepoCheck && !isInsideGitRepo(cwd)) {
    throw new ExecUsageError(
      'Not inside a trusted directory and --skip-git-repo-check was not specified.',
    );
  }
  const outputSchema = opts.outputSchemaFile
    ? readOutputSchema(opts.outputSchemaFile, cwd)
    : undefined;
  // `codex exec review`: the review's hint stands for the prompt in the header.
  const review = opts.review ? await reviewTarget(opts.review, io) : null;
  const prompt = review ? reviewTargetHint(review) : await resolvePrompt(opts.prompt, io);
  let startParams = threadStartParams(opts, cwd);
  if (opts.oss === true) {
    const { prepareOssThread } = await import('@codex-ts/providers');
    startParams = await prepareOssThread(
      { localProvider: opts.localProvider ?? null, model: opts.model },
      io,
      startParams,
    );
  }

  const client = await connectExecClient(target, io, meta);
  try {
    const open = (): Promise<ThreadStartResponse> => openThread(client, opts, io, startParams, cwd);
    const start = (threadId: string): Promise<{ turn: Turn }> =>
      review
        ? client.request('review/start', { threadId, target: review, delivery: 'inline' })
        : client.request('turn/start', {
            threadId,
            input: turnInput(prompt, opts.images, cwd),
            ...(outputSchema !== undefined ? { outputSchema } : {}),
          });
    return await driveTurn(client, opts, io, { open, prompt, start });
  } finally {
    await client.close();
  }
}

interface TurnPlan {
  /** thread/start, or thread/resume for `codex exec resume`. */
  open: () => Promise<ThreadStartResponse>;
  /** The prompt, or the review's hint, for the human header. */
  prompt: string;
  /** turn/start with the prompt, or review/start for `codex exec review`. */
  start: (threadId: string) => Promise<{ turn: Turn }>;
}

async function driveTurn(
  client: AppServerClient,
  opts: ExecOptions,
  io: ExecIo,
  plan: TurnPlan,
): Promise<number> {
  const json = opts.json;
  const mapper = new JsonEventMapper();
  const human = new HumanOutput(
    io.stderr,
    io.stdout,
    colorEnabled(opts.color, io.stderr.isTTY, io.env),
  );
  const writeEvent = (event: object): void => {
    io.stdout.write(`${JSON.stringify(event)}\n`);
  };
  let lastMessage: string | null = null;
  let resolveDone: (turn: Turn) => void = () => undefined;
  let connectionLost: (error: Error) => void = () => undefined;
  const done = new Promise<Turn>((resolve, reject) => {
    resolveDone = resolve;
    connectionLost = reject;
  });
  // A remote server that goes away mid-turn never sends turn/completed: end the run with its error.
  const stopWatchingClose = client.onClose((error) => {
    if (error) connectionLost(error);
  });
  done.catch(() => undefined);
  let threadId: string | null = null;

  const onNotification = (n: ServerNotification): void => {
    if (n.method === 'warning') {
      io.stderr.write(`warning: ${n.params.message}\n`);
      return;
    }
    if ('threadId' in n.params && threadId !== null && n.params.threadId !== threadId) return;
    if (n.method === 'item/completed' && n.params.item.type === 'agentMessage') {
      lastMessage = n.params.item.text;
    }
    if (json) for (const event of mapper.map(n)) writeEvent(event);
    else human.handle(n);
    if (n.method === 'turn/completed') resolveDone(n.params.turn);
  };
  const unsubscribe = client.onNotification(onNotification);

  const started = await plan.open();
  threadId = started.thread.id;
  if (json) {
    writeEvent({ type: 'thread.started', thread_id: threadId });
  } else {
    human.header([
      ['workdir', started.cwd],
      ['model', started.model],
      ['provider', started.modelProvider],
      ['approval', String(started.approvalPolicy)],
      ['sandbox', started.sandbox.type],
      ['reasoning effort', started.reasoningEffort ?? 'default'],
      ['session id', threadId],
    ]);
    human.prompt(plan.prompt);
  }

  const turnStart = await plan.start(threadId);

  const onSigint = (): void => {
    void client
      .request('turn/interrupt', { threadId: threadId ?? '', turnId: turnStart.turn.id })
      .catch(() => undefined);
  };
  process.once('SIGINT', onSigint);
  let turn: Turn;
  try {
    turn = await done;
  } finally {
    process.off('SIGINT', onSigint);
    unsubscribe();
    stopWatchingClose();
  }

  if (opts.outputLastMessage !== null) {
    writeFileSync(resolve(io.cwd, opts.outputLastMessage), lastMessage ?? '');
  }
  if (turn.status === 'interrupted') return 130;
  return turn.status === 'completed' ? 0 : 1;
}
