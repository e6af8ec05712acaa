import type { HistoryCell } from './history-cell.js';

// Test fixtures: one sample (or more) of every cell kind (render-cell and live-area tests).

export const HOME = '/home/dev';
export const CWD = '/home/dev/project';
export const UPDATE_DIFF =
  '@@ -1,3 +1,3 @@\n line one\n-line two\n+line two changed\n line three\n';

/** One sample (or more) of every cell kind. */
export const SAMPLES: [string, HistoryCell][] = [
  [
    'session header',
    {
      kind: 'session-header',
      version: '0.1.0',
      model: 'gpt-5-codex',
      effort: 'high',
      cwd: CWD,
      approvalPolicy: 'on-request',
      sandbox: 'workspace-write',
    },
  ],
  [
    'user message',
    {
      kind: 'user',
      text: 'Please fix the failing test in src/app.ts and explain what went wrong.\nThanks!',
      images: ['/home/dev/shot.png'],
    },
  ],
  [
    'agent message',
    {
      kind: 'agent',
      first: true,
      markdown:
        'I fixed **the bug** in `src/app.ts`:\n\n- the loop ran one step too far\n- the test now passes\n\n```ts\nfor (let i = 0; i < n; i++) total += i;\n```',
    },
  ],
  ['agent continuation', { kind: 'agent', first: false, markdown: 'More text after a break.' }],
  [
    'reasoning',
    {
      kind: 'reasoning',
      text: '**Inspecting the tests**\n\nI will look at the failing test first, then at the code it covers.',
    },
  ],
  [
    'exec running',
    {
      kind: 'exec',
      command: "bash -lc 'npm test -- --run'",
      cwd: CWD,
      status: 'inProgress',
      actions: [{ type: 'unknown', command: 'npm test -- --run' }],
      output: '',
      exitCode: null,
      durationMs: null,
      source: 'agent',
    },
  ],
  [
    'exec success',
    {
      kind: 'exec',
      command: 'ls -la',
      cwd: CWD,
      status: 'completed',
      actions: [{ type: 'unknown', command: 'ls -la' }],
      output: 'total 8\ndrwxr-xr-x  2 dev dev 4096 .\n',
      exitCode: 0,
      durationMs: 42,
      source: 'agent',
    },
  ],
  [
    'exec failure with long output',
    {
      kind: 'exec',
      command: 'npm test',
      cwd: CWD,
      status: 'failed',
      actions: [{ type: 'unknown', command: 'npm test' }],
      output: Array.from({ length: 30 }, (_, i) => `output line ${i + 1}`).join('\n'),
      exitCode: 1,
      durationMs: 2345,
      source: 'agent',
    },
  ],
  [
    'exec no output',
    {
      kind: 'exec',
      command: 'true',
      cwd: CWD,
      status: 'completed',
      actions: [],
      output: '',
      exitCode: 0,
      durationMs: 3,
      source: 'user',
    },
  ],
  [
    'exec explored',
    {
      kind: 'exec',
      command: "bash -lc 'cat a.ts b.ts && rg foo src'",
      cwd: CWD,
      status: 'completed',
      actions: [
        { type: 'read', command: 'cat a.ts', name: 'a.ts', path: 'a.ts' },
        { type: 'read', command: 'cat b.ts', name: 'b.ts', path: 'b.ts' },
        { type: 'search', command: 'rg foo src', query: 'foo', path: 'src' },
        { type: 'listFiles', command: 'ls src', path: 'src' },
      ],
      output: '...',
      exitCode: 0,
      durationMs: 10,
      source: 'agent',
    },
  ],
  [
    'patch update',
    {
      kind: 'patch',
      cwd: CWD,
      status: 'completed',
      changes: [
        {
          path: `${CWD}/example.txt`,
          kind: { type: 'update', move_path: null },
          diff: UPDATE_DIFF,
        },
      ],
    },
  ],
  [
    'patch multiple files',
    {
      kind: 'patch',
      cwd: CWD,
      status: 'completed',
      changes: [
        { path: `${CWD}/new.txt`, kind: { type: 'add' }, diff: 'alpha\nbeta\n' },
        { path: `${CWD}/old.txt`, kind: { type: 'delete' }, diff: 'gone\n' },
        {
          path: `${CWD}/a.rs`,
          kind: { type: 'update', move_path: `${CWD}/b.rs` },
          diff: '@@ -1,2 +1,2 @@\n A\n-B\n+B changed\n@@ -9,2 +9,2 @@\n I\n-J\n+J changed\n',
        },
      ],
    },
  ],
  [
    'patch declined',
    {
      kind: 'patch',
      cwd: CWD,
      status: 'declined',
      changes: [
        { path: `${CWD}/x.txt`, kind: { type: 'update', move_path: null }, diff: UPDATE_DIFF },
      ],
    },
  ],
  [
    'plan',
    {
      kind: 'plan',
      explanation: 'Fix the loop, then cover it with a test.',
      steps: [
        { step: 'Find the off-by-one error in the loop', status: 'completed' },
        {
          step: 'Fix the loop bound and keep the old behaviour for empty input',
          status: 'inProgress',
        },
        { step: 'Add a regression test', status: 'pending' },
      ],
    },
  ],
  [
    'mcp success',
    {
      kind: 'mcp',
      server: 'search',
      tool: 'find_docs',
      arguments: { query: 'ratatui styling', limit: 3 },
      status: 'completed',
      resultText: 'Found styling guidance in styles.md',
      error: null,
      durationMs: 120,
    },
  ],
  [
    'mcp error',
    {
      kind: 'mcp',
      server: 'search',
      tool: 'find_docs',
      arguments: { query: 'x' },
      status: 'failed',
      resultText: null,
      error: 'network timeout',
      durationMs: 5000,
    },
  ],
  ['web search', { kind: 'web-search', query: 'typescript ink 8 render to string' }],
  ['image view', { kind: 'image-view', path: '/home/dev/project/screenshot.png' }],
  ['error', { kind: 'error', message: 'stream disconnected before completion: retry 5/5 failed' }],
  ['warning', { kind: 'warning', message: 'Reconnecting... 2/5' }],
  [
    'info',
    {
      kind: 'info',
      title: '/status',
      lines: ['Model: gpt-5-codex (high)', '  Directory: ~/project', 'Tokens used: 1,234'],
    },
  ],
];
