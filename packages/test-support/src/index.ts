export { startFakeResponsesServer } from './fake-responses-server.js';
export type {
  FakeModelsCatalog,
  FakeResponsesServer,
  FakeResponsesServerOptions,
} from './fake-responses-server.js';
export type { RecordedRequest } from './recorded-request.js';
export { encodeSseEvent, encodeSseEvents } from './scripted-response.js';
export type {
  ScriptedResponse,
  SseScript,
  HttpScript,
  HangScript,
  SseWireEvent,
  SseScriptEvent,
} from './scripted-response.js';
export {
  responseCreated,
  responseInProgress,
  completed,
  failed,
  incomplete,
  errorEvent,
  usage,
  sseResponse,
  httpError,
} from './sse-builders.js';
export type { WireUsage, SseEventGroup } from './sse-builders.js';
export {
  outputTextMessage,
  reasoning,
  functionCall,
  customToolCall,
  splitIntoDeltas,
} from './sse-item-builders.js';
export type {
  OutputTextMessageOptions,
  ReasoningOptions,
  ToolCallOptions,
} from './sse-item-builders.js';
export { makeTempCodexHome, makeTempGitRepo, runGit } from './temp-dirs.js';
export type { TempDir, TempGitRepoOptions } from './temp-dirs.js';
export {
  addIntegerFormats,
  appServerSchemaValidator,
  RESPONSE_DEFINITIONS,
  SCHEMA_DIR,
} from './app-server-schema.js';
export type { AppServerSchemaValidator, SchemaViolation } from './app-server-schema.js';
export { writeMockProviderConfig } from './mock-provider-config.js';
export type { MockProviderOptions } from './mock-provider-config.js';
export { startModelTestEnv, inProcessServerEnv } from './model-test-env.js';
export type { ModelTestEnv } from './model-test-env.js';
export { CODEX_BIN, REPO_ROOT, runCodex, baseEnv, jsonLines } from './codex-binary.js';
export type { CodexRun, RunOptions } from './codex-binary.js';
export { runCodexInEnv, runExecJsonInEnv } from './model-env-run.js';
export { chatChunk, chatToolCallDelta, chatUsageChunk, chatSse } from './chat-builders.js';
export { snapshotDir } from './dir-snapshot.js';
export {
  startFakeOllamaServer,
  startLocalModelServer,
  OLLAMA_UNKNOWN_MODEL_ERROR,
} from './fake-ollama-server.js';
export type {
  FakeOllamaServer,
  FakeOllamaServerOptions,
  FakeOllamaPullable,
  FakeLocalModelServer,
  LocalModelRoutesOptions,
  LocalRouteHandler,
} from './fake-ollama-server.js';
export { startFakeLmStudioServer, isLmStudioLoadRequest } from './fake-lmstudio-server.js';
export type { FakeLmStudioServer, FakeLmStudioServerOptions } from './fake-lmstudio-server.js';
export { startFakeOAuthIssuer, fakeJwt } from './fake-oauth-issuer.js';
export type {
  FakeOAuthIssuer,
  FakeOAuthIssuerOptions,
  FakeAccount,
  FakeTokenSet,
} from './fake-oauth-issuer.js';
export { writeChatgptAuthJson } from './chatgpt-auth-json.js';
export type { ChatgptAuthJsonOptions } from './chatgpt-auth-json.js';
export { failingMidWriteFs } from './failing-write-fs.js';
export { sampleThread } from './sample-thread.js';
export { TmuxTerminal } from './tmux-terminal.js';
export type { TmuxTerminalOptions } from './tmux-terminal.js';
export {
  createFakeMcpServer,
  runFakeMcpServerOnStdio,
  FAKE_MCP_SERVER_SCRIPT,
  FAKE_MCP_TOOLS,
  FAKE_MCP_PNG,
} from './fake-mcp-server.js';
export type { FakeMcpServerOptions } from './fake-mcp-server.js';
export {
  PINNED_NODE,
  fakeMcpServerCommand,
  fakeMcpServerToml,
  startFakeMcpHttpServer,
} from './fake-mcp-http-server.js';
export type { FakeMcpHttpServer, FakeMcpHttpServerOptions } from './fake-mcp-http-server.js';
export { startAppServerProcess } from './app-server-process.js';
export type { AppServerProcess } from './app-server-process.js';
