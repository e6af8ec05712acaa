/**
 * Valid params a client may send, per method: the smallest message and one that sets every
 * field this server reads. The conformance test checks both schemas accept them, then mutates
 * them (a field dropped, a field of the wrong type) and checks both schemas agree.
 */
export const VALID_PARAMS: Record<string, ReadonlyArray<Record<string, unknown>>> = {
  initialize: [
    { clientInfo: { name: 'client', version: '1.0.0' } },
    {
      clientInfo: { name: 'client', title: 'Client', version: '1.0.0' },
      capabilities: { experimentalApi: true, optOutNotificationMethods: ['thread/started'] },
    },
  ],
  'thread/start': [
    {},
    {
      model: 'gpt-5.1',
      modelProvider: 'openai',
      cwd: '/work',
      approvalPolicy: 'on-request',
      sandbox: 'workspace-write',
      config: { model_reasoning_effort: 'high' },
      baseInstructions: 'base',
      developerInstructions: 'dev',
      ephemeral: true,
    },
  ],
  'thread/resume': [
    { threadId: 'thread-1' },
    {
      threadId: 'thread-1',
      model: 'gpt-5.1',
      modelProvider: 'openai',
      serviceTier: null,
      cwd: '/work',
      approvalPolicy: 'never',
      sandbox: 'read-only',
      config: null,
      baseInstructions: null,
      developerInstructions: null,
      excludeTurns: true,
    },
  ],
  'thread/fork': [
    { threadId: 'thread-1' },
    { threadId: 'thread-1', ephemeral: true, lastTurnId: 'turn-1', cwd: '/work' },
  ],
  'thread/archive': [{ threadId: 'thread-1' }],
  'thread/unarchive': [{ threadId: 'thread-1' }],
  'thread/delete': [{ threadId: 'thread-1' }],
  'thread/name/set': [{ threadId: 'thread-1', name: 'My thread' }],
  'thread/list': [
    {},
    {
      cursor: 'cursor-1',
      limit: 10,
      sortKey: 'updated_at',
      sortDirection: 'asc',
      modelProviders: ['openai'],
      sourceKinds: ['cli', 'vscode'],
      archived: false,
      cwd: '/work',
      searchTerm: 'bug',
    },
    { cwd: ['/a', '/b'], useStateDbOnly: true },
  ],
  'thread/read': [{ threadId: 'thread-1' }, { threadId: 'thread-1', includeTurns: true }],
  'turn/start': [
    { threadId: 'thread-1', input: [{ type: 'text', text: 'hello' }] },
    {
      threadId: 'thread-1',
      input: [
        { type: 'text', text: 'look', text_elements: [] },
        { type: 'localImage', path: '/work/a.png' },
        { type: 'image', url: 'https://example.com/a.png' },
        { type: 'skill', name: 'skill', path: '/work/SKILL.md' },
        { type: 'mention', name: 'file', path: '/work/a.ts' },
      ],
      cwd: '/work',
      approvalPolicy: 'untrusted',
      model: 'gpt-5.1',
      effort: 'high',
      summary: 'concise',
      outputSchema: { type: 'object' },
    },
  ],
  'turn/interrupt': [{ threadId: 'thread-1', turnId: 'turn-1' }],
  'model/list': [{}, { cursor: '1', limit: 5, includeHidden: true, modelProvider: 'openai' }],
  'command/exec': [
    { command: ['ls'] },
    {
      command: ['ls', '-l'],
      processId: 'proc-1',
      outputBytesCap: 100,
      timeoutMs: 1000,
      cwd: '/work',
      env: { A: '1', B: null },
      sandboxPolicy: {
        type: 'workspaceWrite',
        writableRoots: ['/work'],
        networkAccess: true,
        excludeTmpdirEnvVar: false,
        excludeSlashTmp: true,
      },
    },
    { command: ['ls'], disableOutputCap: true, disableTimeout: true, tty: false },
    { command: ['ls'], sandboxPolicy: { type: 'readOnly', networkAccess: false } },
    { command: ['ls'], sandboxPolicy: { type: 'dangerFullAccess' } },
    { command: ['ls'], sandboxPolicy: { type: 'externalSandbox', networkAccess: 'enabled' } },
    { command: ['top'], tty: true, processId: 'p', size: { rows: 24, cols: 80 } },
    { command: ['cat'], processId: 'p', streamStdin: true, streamStdoutStderr: true },
  ],
  'command/exec/write': [
    { processId: 'p', deltaBase64: 'aGkK' },
    { processId: 'p', deltaBase64: null, closeStdin: true },
  ],
  'command/exec/resize': [{ processId: 'p', size: { rows: 40, cols: 120 } }],
  'command/exec/terminate': [{ processId: 'p' }],
  'turn/steer': [
    { threadId: 'thread-1', expectedTurnId: 'turn-1', input: [{ type: 'text', text: 'more' }] },
    {
      threadId: 'thread-1',
      expectedTurnId: 'turn-1',
      input: [{ type: 'text', text: 'more' }],
      clientUserMessageId: 'msg-1',
    },
  ],
  'account/read': [{}, { refreshToken: true }],
  'account/login/start': [
    { type: 'apiKey', apiKey: 'sk-test' },
    { type: 'chatgpt' },
    { type: 'chatgptDeviceCode' },
  ],
  'account/login/cancel': [{ loginId: 'login-1' }],
  'config/read': [{}, { includeLayers: true, cwd: '/work' }],
  'config/value/write': [
    { keyPath: 'model', value: 'gpt-5.1', mergeStrategy: 'replace' },
    {
      keyPath: 'features.web_search',
      value: null,
      mergeStrategy: 'upsert',
      filePath: '/home/me/.codex/config.toml',
      expectedVersion: 'sha256:abc',
    },
  ],
  'config/batchWrite': [
    { edits: [{ keyPath: 'model', value: 'gpt-5.1', mergeStrategy: 'replace' }] },
    { edits: [], filePath: null, expectedVersion: null, reloadUserConfig: true },
  ],
  fuzzyFileSearch: [
    { query: 'main', roots: ['/work'] },
    { query: 'main', roots: ['/work', '/other'], cancellationToken: 'search-1' },
  ],
  'review/start': [
    { threadId: 'thread-1', target: { type: 'uncommittedChanges' } },
    { threadId: 'thread-1', target: { type: 'baseBranch', branch: 'main' }, delivery: 'inline' },
    { threadId: 'thread-1', target: { type: 'commit', sha: 'abc1234', title: 'Fix it' } },
    { threadId: 'thread-1', target: { type: 'custom', instructions: 'Check the parser' } },
  ],
  'mcpServerStatus/list': [
    {},
    { cursor: '1', limit: 2, detail: 'toolsAndAuthOnly', serverName: 'docs', threadId: 't-1' },
    { cursor: null, limit: null, detail: null, serverName: null, threadId: null },
  ],
  'thread/revert': [{ threadId: 'thread-1', beforeTurnId: 'turn-2' }],
};

/** Values of the wrong kind for most fields: each replaces one field of a valid sample. */
export const WRONG_VALUES: readonly unknown[] = [
  42.5,
  -7,
  'zz-not-valid',
  { zz: 1 },
  ['zz'],
  true,
  null,
];
