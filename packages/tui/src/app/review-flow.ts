import type { ReviewTarget } from '@codex-ts/protocol';
import { initialListSelectionState, type SelectionItem } from '../views/index.js';
import type { UiController } from './ui-controller.js';

/** Runs `git` where the thread runs (through the server) and returns its output lines. */
async function gitLines(ui: UiController, args: string[]): Promise<string[]> {
  const cwd = ui.session.store.getSnapshot().session?.cwd ?? ui.session.defaultCwd;
  const result = await ui.session.client.request('command/exec', {
    command: ['git', ...args],
    cwd,
    sandboxPolicy: { type: 'readOnly' },
    timeoutMs: 10_000,
  });
  if (result.exitCode !== 0) return [];
  return result.stdout.split('\n').filter((line) => line.trim() !== '');
}

function review(ui: UiController, target: ReviewTarget): void {
  ui.session.startReview(target).catch((err: unknown) => ui.session.showError(err));
}

function pick(ui: UiController, title: string, items: SelectionItem<() => void>[]): void {
  if (items.length === 0) {
    ui.session.store.commitCell({ kind: 'warning', message: `${title}: nothing to choose from.` });
    return;
  }
  ui.openModal({
    kind: 'select',
    state: initialListSelectionState({ title, items, searchable: items.length > 8 }),
  });
}

/**
 * /review: with text, a review following those instructions; without, the presets (uncommitted
 * changes, against a base branch, a commit). The review runs inline on the current thread.
 */
export function openReviewPicker(ui: UiController, instructions: string): void {
  if (instructions !== '') {
    review(ui, { type: 'custom', instructions });
    return;
  }
  const fail = (err: unknown): void => ui.session.showError(err);
  pick(ui, 'Select a review preset', [
    {
      label: 'Review uncommitted changes',
      value: () => review(ui, { type: 'uncommittedChanges' }),
    },
    {
      label: 'Review against a base branch',
      description: '(PR style)',
      value: () => {
        gitLines(ui, ['branch', '--format=%(refname:short)'])
          .then((branches) =>
            pick(
              ui,
              'Select a base branch',
              branches.map((branch) => ({
                label: branch,
                value: () => review(ui, { type: 'baseBranch', branch }),
              })),
            ),
          )
          .catch(fail);
      },
    },
    {
      label: 'Review a commit',
      value: () => {
        gitLines(ui, ['log', '--format=%H %s', '-n', '50'])
          .then((commits) =>
            pick(
              ui,
              'Select a commit to review',
              commits.map((line) => {
                const sha = line.slice(0, 40);
                const title = line.slice(41);
                return {
                  label: `${sha.slice(0, 7)} ${title}`,
                  searchValue: line,
                  value: () => review(ui, { type: 'commit', sha, title }),
                };
              }),
            ),
          )
          .catch(fail);
      },
    },
    {
      label: 'Custom review instructions',
      description: 'type /review followed by what to look at',
      disabled: true,
      value: () => undefined,
    },
  ]);
}
